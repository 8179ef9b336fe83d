// Starts the built headless hub as users run it (`node dist/main/headless.js`, loopback, any
// free ports) and waits for its `hearth ready {...}` line.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { stopChild, track } from './proc.js';

export const HUB_ENTRY = resolve('dist/main/headless.js');
export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123456789';

export interface Hub {
  child: ChildProcess;
  pid: number;
  mqttPort: number;
  httpPort: number;
  httpUrl: string;
  /** Spawn to ready line, in ms. */
  startMs: number;
  stop(): Promise<void>;
}

const nodeArgs: string[] = [];

/** Every hub (and raw aedes) started from now on writes a V8 CPU profile into `dir` when it stops. */
export function profileHubsInto(dir: string): void {
  nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
}

/** The Node options profileHubsInto asked for (raw aedes is profiled the same way). */
export const profileArgs = (): string[] => [...nodeArgs];

export async function startHub(
  timeoutMs = 15_000,
  /** Fills the data folder before the hub starts (a gallery of pictures, say). */
  prepare?: (dataDir: string) => void,
): Promise<Hub> {
  if (!existsSync(HUB_ENTRY)) throw new Error(`${HUB_ENTRY} is missing: run npm run build first`);
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  prepare?.(dataDir);
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('HEARTH_')) env[key] = value;
  }
  Object.assign(env, { HEARTH_MDNS: '0', HEARTH_LOG_LEVEL: 'warn' });
  const args = ['--data-dir', dataDir, '--host', '127.0.0.1', '--mqtt-port', '0'];
  args.push('--ws-port', '0', '--http-port', '0', '--admin-token', ADMIN_TOKEN);
  const started = process.hrtime.bigint();
  const child = track(
    spawn(process.execPath, [...nodeArgs, HUB_ENTRY, ...args], {
      env,
      stdio: ['ignore', 'pipe', 'pipe'],
    }),
    dataDir,
  );
  let stdout = '';
  let stderrTail = '';
  child.stderr.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk).slice(-4_000)));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    const ready = await new Promise<{ mqtt: number; http: number }>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ready line in ${timeoutMs} ms`)),
        timeoutMs,
      );
      child.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        const match = /^hearth ready (\{.*\})$/m.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        resolveReady(JSON.parse(match[1]!) as { mqtt: number; http: number });
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`hub exited with ${code} before ready: ${stderrTail}`));
      });
    });
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;
    return {
      child,
      pid: child.pid!,
      mqttPort: ready.mqtt,
      httpPort: ready.http,
      httpUrl: `http://127.0.0.1:${ready.http}`,
      startMs,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
