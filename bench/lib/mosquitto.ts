// Debian's Mosquitto on a free loopback port with a temporary config (no persistence, Nagle off
// as Hearth's broker has it), for side-by-side figures, and as the broker Hearth runs on (extra
// config lines: the password and ACL files Hearth writes; reload() sends SIGHUP to reread them).
// Stopped by the caller.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { stopChild, track } from './proc.js';

const BINARY = '/usr/sbin/mosquitto';

export interface Mosquitto {
  child: ChildProcess;
  pid: number;
  port: number;
  /** mqtt://127.0.0.1:<port> */
  url: string;
  version: string;
  /** SIGHUP: Mosquitto rereads its password and ACL files. Counted in `reloads`. */
  reload(): void;
  reloads: number;
  stop(): Promise<void>;
}

export interface MosquittoOptions {
  /** mosquitto.conf lines after the bench's own (password_file, acl_file …). */
  lines?: string[];
}

export function mosquittoMissing(): string | null {
  return existsSync(BINARY) ? null : `${BINARY} not found (apt-get install mosquitto)`;
}

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

export async function startMosquitto(options: MosquittoOptions = {}): Promise<Mosquitto> {
  const lines = options.lines ?? [];
  const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-mosquitto-'));
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [
      `listener ${port} 127.0.0.1`,
      'allow_anonymous true',
      'set_tcp_nodelay true',
      'persistence false',
      'max_connections -1',
      // Its default (1000 queued QoS 1 messages per client) would drop messages under the
      // bench's bursts where the other brokers deliver them all.
      'max_queued_messages 0',
      'log_dest stderr',
      'log_type error',
      ...lines,
      // Started as root, Mosquitto switches to the 'mosquitto' user, which cannot read files in
      // the bench's private temporary folders (Hearth's password and ACL files): it stays root.
      ...(lines.length > 0 && process.getuid?.() === 0 ? ['user root'] : []),
      '',
    ].join('\n'),
  );
  const version = /mosquitto version (\S+)/.exec(spawnSync(BINARY, ['-h']).stdout.toString());
  const child = track(spawn(BINARY, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] }), dir);
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-2_000)));
  const stop = async (): Promise<void> => {
    await stopChild(child);
    rmSync(dir, { recursive: true, force: true });
  };
  for (let waited = 0; !(await canConnect(port)); waited += 50) {
    if (child.exitCode !== null || waited > 5_000) {
      await stop();
      throw new Error(`mosquitto did not start on port ${port}: ${stderr}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  const handle: Mosquitto = {
    child,
    pid: child.pid!,
    port,
    url: `mqtt://127.0.0.1:${port}`,
    version: version?.[1] ?? 'unknown',
    reloads: 0,
    reload() {
      if (child.exitCode !== null || child.signalCode !== null) return;
      handle.reloads++;
      child.kill('SIGHUP');
    },
    stop,
  };
  return handle;
}
