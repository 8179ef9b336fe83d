// A real Mosquitto broker on a free port, for tests that need to play the hub's side of a topic
// that only the hub may write on Hearth's own broker (a lock's `set`). CI installs mosquitto.
import { spawn, spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import mqtt from 'mqtt';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

export interface Mosquitto {
  url: string;
  stop(): Promise<void>;
}

function mosquittoBinary(): string {
  for (const candidate of ['mosquitto', '/usr/sbin/mosquitto', '/usr/local/sbin/mosquitto']) {
    if (spawnSync(candidate, ['-h'], { stdio: 'ignore' }).error === undefined) return candidate;
  }
  throw new Error('mosquitto is not installed (Debian: apt-get install mosquitto; .ci/run does)');
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

export async function startMosquitto(): Promise<Mosquitto> {
  const binary = mosquittoBinary();
  const dir = makeTempDir('hearth-mosquitto-');
  const port = await freePort();
  const config = join(dir, 'mosquitto.conf');
  writeFileSync(
    config,
    [`listener ${port} 127.0.0.1`, 'allow_anonymous true', 'persistence false', ''].join('\n'),
  );
  const child = spawn(binary, ['-c', config], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  const url = `mqtt://127.0.0.1:${port}`;
  const started = Date.now();
  for (;;) {
    try {
      const probe = await mqtt.connectAsync(url, { reconnectPeriod: 0, connectTimeout: 1_000 });
      await probe.endAsync();
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() - started > 10_000) {
        child.kill('SIGKILL');
        removeDir(dir);
        throw new Error(`mosquitto did not start: ${String(error)}\n${stderr}`, { cause: error });
      }
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  return {
    url,
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
      removeDir(dir);
    },
  };
}
