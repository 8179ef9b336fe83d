// Starts the built headless hub (`node dist/main/headless.js`) as a real child process and waits
// for its `hearth ready {...}` line. Tests use it to exercise the hub exactly as a user runs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const HEADLESS_ENTRY = resolve('dist/main/headless.js');

export interface ReadyInfo {
  pid: number;
  mqtt: number | null;
  ws: number | null;
  http: number;
  https: number | null;
  broker: string;
  dataDir: string;
}

export interface HubProcess {
  child: ChildProcess;
  ready: ReadyInfo;
  dataDir: string;
  adminToken: string;
  stdout(): string;
  stderr(): string;
  /** SIGTERM and wait for exit; resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

export function makeTempDir(prefix = 'hearth-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
}

export interface StartOptions {
  dataDir?: string;
  adminToken?: string;
  extraArgs?: string[];
  env?: NodeJS.ProcessEnv;
  timeoutMs?: number;
}

export const TEST_ADMIN_TOKEN = 'test-admin-token-0123456789abcdef0123456789';

/** Runs the hub to completion with arbitrary arguments (for bad-option tests). */
export function runHub(
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 15_000,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [HEADLESS_ENTRY, ...args], {
      env: { ...cleanEnv(), ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`hub did not exit within ${timeoutMs} ms; stderr: ${stderr}`));
    }, timeoutMs);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr });
    });
  });
}

/** Environment without any HEARTH_* variable from the developer's shell. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('HEARTH_')) env[key] = value;
  }
  env.HEARTH_MDNS = '0';
  return env;
}

export async function startHubProcess(options: StartOptions = {}): Promise<HubProcess> {
  const dataDir = options.dataDir ?? makeTempDir();
  const adminToken = options.adminToken ?? TEST_ADMIN_TOKEN;
  const args = [
    HEADLESS_ENTRY,
    '--data-dir',
    dataDir,
    '--host',
    '127.0.0.1',
    '--mqtt-port',
    '0',
    '--ws-port',
    '0',
    '--http-port',
    '0',
    '--admin-token',
    adminToken,
    ...(options.extraArgs ?? []),
  ];
  const child = spawn(process.execPath, args, {
    env: { ...cleanEnv(), ...options.env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((res) =>
    child.on('exit', (code, signal) => res({ code, signal })),
  );
  const ready = await new Promise<ReadyInfo>((res, rej) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      rej(new Error(`no ready line within ${options.timeoutMs ?? 15_000} ms; stderr: ${stderr}`));
    }, options.timeoutMs ?? 15_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^hearth ready (\{.*\})$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        res(JSON.parse(match[1]!) as ReadyInfo);
      }
    });
    void exited.then(({ code }) => {
      clearTimeout(timer);
      rej(new Error(`hub exited with ${code} before ready; stderr: ${stderr}`));
    });
  });
  return {
    child,
    ready,
    dataDir,
    adminToken,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      const { code } = await exited;
      return code;
    },
  };
}

/**
 * The hub as a newcomer starts it: no --admin-token, so a first start generates one and prints
 * it; `stdout` is everything printed up to the ready line.
 */
export async function startHubWithoutToken(
  dataDir: string,
  extraArgs: string[] = [],
): Promise<{
  ready: { http: number; mqtt: number | null };
  stdout: string;
  stop(): Promise<number | null>;
}> {
  const base = ['--host', '127.0.0.1', '--mqtt-port', '0', '--ws-port', '0', '--http-port', '0'];
  const child = spawn(
    process.execPath,
    [HEADLESS_ENTRY, '--data-dir', dataDir, ...base, ...extraArgs],
    {
      env: cleanEnv(),
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const ready = await new Promise<{ http: number; mqtt: number | null }>((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      stdout += chunk.toString();
      const match = /^hearth ready (\{.*\})$/m.exec(stdout);
      if (match) resolve(JSON.parse(match[1]!) as { http: number; mqtt: number | null });
    });
    void exited.then((code) => reject(new Error(`exited ${code}: ${stderr}`)));
  });
  return {
    ready,
    stdout,
    stop: async () => {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

/** A loopback port something else already listens on (a home's Mosquitto on 1883, say). */
export async function busyPort(): Promise<{ port: number; release(): void }> {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
  return {
    port: (blocker.address() as { port: number }).port,
    release: () => void blocker.close(),
  };
}
