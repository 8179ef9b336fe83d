// A real Mosquitto (Debian's 2.0.11) on a free loopback port with a temporary folder, for tests
// that prove what Mosquitto itself enforces with the files Hearth writes for it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as delay } from 'node:timers/promises';

const BINARY = '/usr/sbin/mosquitto';
const START_TIMEOUT_MS = 5_000;
const STDERR_KEEP = 4_096;

export interface TestMosquitto {
  port: number;
  /** mqtt://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Temporary folder holding mosquitto.conf and the given files; removed on stop. */
  dir: string;
  configPath: string;
  /** Stops (SIGTERM, waits for exit) and starts again on the same port with the same files. */
  restart(): Promise<void>;
  /** SIGHUP: Mosquitto rereads its password and ACL files. */
  reload(): void;
  /** Idempotent. */
  stop(): Promise<void>;
}

export interface TestMosquittoOptions {
  /** Extra mosquitto.conf lines after the listener line; '{dir}' is replaced with the folder. */
  lines?: string[];
  /** Files written into the folder first, by relative name. */
  files?: Record<string, string>;
  port?: number;
}

export function mosquittoMissing(): string | null {
  return existsSync(BINARY) ? null : `${BINARY} not found (apt-get install mosquitto)`;
}

// Every Mosquitto still running when the test process exits is killed and its folder removed,
// so an aborted test run leaves no broker behind holding a port.
const running = new Set<ChildProcess>();
const folders = new Set<string>();
process.on('exit', () => {
  for (const child of running) child.kill('SIGKILL');
  for (const dir of folders) rmSync(dir, { recursive: true, force: true });
});

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ host: '127.0.0.1', port });
    socket.once('connect', () => (socket.destroy(), resolve(true)));
    socket.once('error', () => resolve(false));
  });
}

function isRunning(child: ChildProcess): boolean {
  return child.exitCode === null && child.signalCode === null;
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (isRunning(child)) {
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), START_TIMEOUT_MS);
    await exited;
    clearTimeout(timer);
  }
  running.delete(child);
}

export async function startTestMosquitto(
  options: TestMosquittoOptions = {},
): Promise<TestMosquitto> {
  const dir = mkdtempSync(join(tmpdir(), 'hearth-test-mosquitto-'));
  folders.add(dir);
  for (const [name, content] of Object.entries(options.files ?? {})) {
    const path = join(dir, name);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, content);
  }
  const port = options.port ?? (await freePort());
  const lines = (options.lines ?? []).map((line) => line.replaceAll('{dir}', dir));
  const configPath = join(dir, 'mosquitto.conf');
  writeFileSync(
    configPath,
    [
      `listener ${port} 127.0.0.1`,
      ...lines,
      // Mosquitto 2 refuses anonymous clients unless told; tests that set it choose themselves.
      ...(lines.some((line) => /^\s*allow_anonymous\b/.test(line)) ? [] : ['allow_anonymous true']),
      // Started as root, Mosquitto switches to the 'mosquitto' user, which cannot read (or, for
      // dynsec, write) this private temporary folder; the test broker stays root instead.
      ...(process.getuid?.() === 0 && !lines.some((line) => /^\s*user\b/.test(line))
        ? ['user root']
        : []),
      'persistence false',
      'log_dest stderr',
      'log_type error',
      'set_tcp_nodelay true',
      '',
    ].join('\n'),
  );

  let child: ChildProcess | undefined;
  let stopped = false;

  // One attempt: up once the port accepts and this Mosquitto still runs (a listener that is not
  // ours, or a Mosquitto that failed to bind and is exiting, does not count); else its stderr.
  const attempt = async (deadline: number): Promise<{ up: boolean; stderr: string }> => {
    const started = spawn(BINARY, ['-c', configPath], { stdio: ['ignore', 'ignore', 'pipe'] });
    running.add(started);
    child = started;
    let stderr = '';
    started.stderr!.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-STDERR_KEEP);
    });
    for (;;) {
      if (await canConnect(port)) {
        await delay(20);
        if (isRunning(started)) return { up: true, stderr };
      }
      if (!isRunning(started) || Date.now() > deadline) {
        await stopChild(started);
        // Its exit can be seen before the last of its stderr ("Address already in use") is
        // read: wait for the stream to close, or the restart below is not tried.
        const output = started.stderr!;
        if (!output.closed) await new Promise((resolve) => output.once('close', resolve));
        return { up: false, stderr };
      }
      await delay(25);
    }
  };

  // A restart may find the port still held for a moment (Mosquitto then exits at once, and
  // under load its "Address already in use" is not always read before it is gone), so it is
  // tried again until the deadline rather than failing the test; a Mosquitto that cannot start
  // at all still fails, with its last words, once the 5 s are over.
  const launch = async (): Promise<void> => {
    const deadline = Date.now() + START_TIMEOUT_MS;
    for (;;) {
      const { up, stderr } = await attempt(deadline);
      if (up) return;
      if (Date.now() > deadline) {
        throw new Error(
          `mosquitto did not accept connections on port ${port} within 5 s:\n${stderr}`,
        );
      }
      await delay(100);
    }
  };

  const cleanup = (): void => {
    rmSync(dir, { recursive: true, force: true });
    folders.delete(dir);
  };
  try {
    await launch();
  } catch (error) {
    cleanup();
    throw error;
  }

  const handle: TestMosquitto = {
    port,
    url: `mqtt://127.0.0.1:${port}`,
    pid: child!.pid!,
    dir,
    configPath,
    async restart() {
      if (stopped) throw new Error('this test Mosquitto was stopped');
      await stopChild(child!);
      await launch();
      handle.pid = child!.pid!;
    },
    reload() {
      if (child && isRunning(child)) child.kill('SIGHUP');
    },
    async stop() {
      if (stopped) return;
      stopped = true;
      if (child) await stopChild(child);
      cleanup();
    },
  };
  return handle;
}
