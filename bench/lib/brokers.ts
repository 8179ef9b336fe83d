// The three brokers the broker scenarios compare, started the same way for each scenario:
// Hearth (the headless hub as users run it, authentication and access rules on; the bench's
// clients log in with an integration account that may use `bench/#`), raw aedes in its own
// process, and Debian's Mosquitto.
import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { call } from './http.js';
import { ADMIN_TOKEN, profileArgs, startHub } from './hub.js';
import { mosquittoMissing, startMosquitto } from './mosquitto.js';
import { stopChild, track } from './proc.js';

export type BrokerName = 'hearth' | 'aedes' | 'mosquitto';

export interface Broker {
  name: BrokerName;
  pid: number;
  port: number;
  /** Credentials every client of this broker uses (none for the other two). */
  username?: string;
  password?: string;
  version: string;
  stop(): Promise<void>;
}

/** Loopback source addresses for many clients (Linux answers on all of 127/8). */
export const CLIENT_ADDRESSES = Array.from({ length: 50 }, (_, i) => `127.0.1.${i + 1}`);

export async function startHearth(): Promise<Broker> {
  const hub = await startHub();
  try {
    const api = (method: string, path: string, body?: unknown) =>
      call(hub.httpUrl, ADMIN_TOKEN, method, path, body);
    // Many clients from few addresses, as the bench has them: lift the per-address caps.
    const settings = await api('PATCH', '/api/v1/settings', {
      broker: { maxConnectionsPerAddress: 100_000, maxConnections: 100_000 },
    });
    if (settings.status !== 200) throw new Error(`raising the caps: HTTP ${settings.status}`);
    const made = await api('POST', '/api/v1/integrations', {
      name: 'bench',
      rights: [{ filter: 'bench/#', publish: true, subscribe: true }],
    });
    if (made.status !== 200 && made.status !== 201) {
      throw new Error(`integration account: HTTP ${made.status} ${JSON.stringify(made.body)}`);
    }
    const body = made.body as { username: string; password: string };
    return {
      name: 'hearth',
      pid: hub.pid,
      port: hub.devices.target.port,
      username: body.username,
      password: body.password,
      version: 'this tree',
      stop: () => hub.stop(),
    };
  } catch (error) {
    await hub.stop();
    throw error;
  }
}

export async function startRawAedes(): Promise<Broker> {
  const child = track(
    spawn(
      process.execPath,
      [...profileArgs(), '--import', 'tsx', resolve('bench/lib/raw-aedes.ts')],
      {
        stdio: ['ignore', 'pipe', 'inherit'],
      },
    ),
    '',
  );
  const port = await new Promise<number>((resolvePort, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('raw aedes did not start in 10 s')), 10_000);
    child.stdout.on('data', (chunk: Buffer) => {
      out += chunk;
      const match = /raw-aedes ready (\d+)/.exec(out);
      if (match) {
        clearTimeout(timer);
        resolvePort(Number(match[1]));
      }
    });
    child.once('exit', (code) => reject(new Error(`raw aedes exited (${code})`)));
  });
  return {
    name: 'aedes',
    pid: child.pid!,
    port,
    version: 'aedes 1.2.0, no hooks',
    stop: () => stopChild(child),
  };
}

/** The brokers to compare; Mosquitto is left out (and said so) when it is not installed. */
export async function startBrokers(): Promise<{ brokers: Broker[]; missing: string | null }> {
  const brokers: Broker[] = [];
  try {
    brokers.push(await startHearth());
    brokers.push(await startRawAedes());
    const missing = mosquittoMissing();
    if (!missing) {
      const mosquitto = await startMosquitto();
      brokers.push({ name: 'mosquitto', ...mosquitto, version: `mosquitto ${mosquitto.version}` });
    }
    return { brokers, missing };
  } catch (error) {
    await Promise.all(brokers.map((broker) => broker.stop()));
    throw error;
  }
}
