// Starts the built headless hub as users run it (`node dist/main/headless.js`, loopback, any
// free ports) and waits for its `hearth ready {...}` line. Either on its own embedded broker, or
// on Debian's Mosquitto as docs/scale.md sets it up: `export-broker-config` writes the password
// and ACL files, Mosquitto starts with them, the hub connects to it as a client
// (`--broker-url`, `--broker-config-dir`) and rewrites the files as devices join, and a watcher
// here sends Mosquitto SIGHUP when they change (what the systemd path unit does for users).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, watch } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { mosquittoMissing, startMosquitto, type Mosquitto } from './mosquitto.js';
import type { Target } from './mqtt.js';
import { removeDir, stopChild, track, trackDir } from './proc.js';

export const HUB_ENTRY = resolve('dist/main/headless.js');
export const ADMIN_TOKEN = 'bench-admin-token-0123456789abcdef0123456789';

/** The broker a hub runs on: its own, or Mosquitto with the files Hearth exports. */
export type HubBroker = 'embedded' | 'mosquitto';
export const HUB_BROKERS: readonly HubBroker[] = ['embedded', 'mosquitto'];
/** How the report names each. */
export const HUB_BROKER_LABEL: Record<HubBroker, string> = {
  embedded: 'Hearth (embedded)',
  mosquitto: 'Hearth on Mosquitto',
};

/** Where and how a device reaches the hub (contract 2.3). */
export interface DeviceWay {
  target: Target;
  /** mqtt://127.0.0.1:<port> */
  url: string;
  /**
   * An external broker: hand_shake goes to the device's own inbox (not `hearth/action`), and
   * the first login with the secret is retried for a few seconds, since the broker rereads its
   * password file a few milliseconds after the hub writes it.
   */
  external: boolean;
}

export interface Hub {
  broker: HubBroker;
  child: ChildProcess;
  pid: number;
  /** The hub's own MQTT port (embedded only: null on Mosquitto). */
  mqttPort: number | null;
  httpPort: number;
  httpUrl: string;
  /** Where devices connect: the hub's own port, or Mosquitto's. */
  devices: DeviceWay;
  /** Spawn to ready line, in ms (on Mosquitto: with Mosquitto already running). */
  startMs: number;
  /** On Mosquitto: the broker's process, how long export-broker-config and its start took. */
  mosquitto: { pid: number; version: string; exportMs: number; startMs: number } | null;
  /** SIGHUPs sent to Mosquitto so far (0 when embedded). */
  reloads(): number;
  stop(): Promise<void>;
}

export interface StartHubOptions {
  broker?: HubBroker;
  timeoutMs?: number;
  /** Fills the data folder before the hub starts (a gallery of pictures, say). */
  prepare?: (dataDir: string) => void;
}

const nodeArgs: string[] = [];

/** Every hub (and raw aedes) started from now on writes a V8 CPU profile into `dir` when it stops. */
export function profileHubsInto(dir: string): void {
  nodeArgs.push('--cpu-prof', `--cpu-prof-dir=${dir}`);
}

/** The Node options profileHubsInto asked for (raw aedes is profiled the same way). */
export const profileArgs = (): string[] => [...nodeArgs];

/** Why Hearth cannot run on Mosquitto here, or null when it can. */
export const hubBrokerMissing = (broker: HubBroker): string | null =>
  broker === 'mosquitto' ? mosquittoMissing() : null;

function hubEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('HEARTH_')) env[key] = value;
  }
  return Object.assign(env, { HEARTH_MDNS: '0', HEARTH_LOG_LEVEL: 'warn' });
}

/** `headless.js export-broker-config`: the password and ACL files, and Hearth's own login. */
async function exportBrokerConfig(dataDir: string, confDir: string): Promise<number> {
  const args = ['export-broker-config', '--data-dir', dataDir, '--format', 'mosquitto-acl'];
  const started = process.hrtime.bigint();
  const child = track(
    spawn(process.execPath, [HUB_ENTRY, ...args, '--out', confDir], {
      env: hubEnv(),
      stdio: ['ignore', 'ignore', 'pipe'],
    }),
    '',
  );
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr = (stderr + chunk).slice(-2_000)));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  await stopChild(child);
  if (code !== 0) throw new Error(`export-broker-config exited with ${code}: ${stderr}`);
  return Number(process.hrtime.bigint() - started) / 1e6;
}

/** SIGHUP once the files settle (20 ms after the first change), as a systemd path unit would. */
function reloadOnChange(dir: string, mosquitto: Mosquitto): () => void {
  let timer: NodeJS.Timeout | null = null;
  const watcher = watch(dir, () => {
    timer ??= setTimeout(() => {
      timer = null;
      mosquitto.reload();
    }, 20);
  });
  return () => {
    watcher.close();
    if (timer) clearTimeout(timer);
  };
}

export async function startHub(options: StartHubOptions = {}): Promise<Hub> {
  const broker = options.broker ?? 'embedded';
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!existsSync(HUB_ENTRY)) throw new Error(`${HUB_ENTRY} is missing: run npm run build first`);
  const missing = hubBrokerMissing(broker);
  if (missing) throw new Error(missing);
  const root = trackDir(mkdtempSync(join(tmpdir(), 'hearth-bench-')));
  const dataDir = broker === 'embedded' ? root : join(root, 'data');
  const confDir = join(root, 'broker-config');
  let mosquitto: Mosquitto | null = null;
  let stopReloading = (): void => {};
  let child: ChildProcess | null = null;
  const stop = async (): Promise<void> => {
    if (child) await stopChild(child);
    stopReloading();
    await mosquitto?.stop();
    removeDir(root);
  };
  try {
    if (broker === 'embedded') mkdirSync(dataDir, { recursive: true });
    else mkdirSync(dataDir);
    options.prepare?.(dataDir);
    const args = ['--data-dir', dataDir, '--host', '127.0.0.1', '--http-port', '0'];
    args.push('--admin-token', ADMIN_TOKEN);
    let exportMs = 0;
    let mosquittoStartMs = 0;
    if (broker === 'embedded') {
      args.push('--mqtt-port', '0', '--ws-port', '0');
    } else {
      exportMs = await exportBrokerConfig(dataDir, confDir);
      const mosquittoStarted = process.hrtime.bigint();
      mosquitto = await startMosquitto({
        lines: [`password_file ${join(confDir, 'passwd')}`, `acl_file ${join(confDir, 'acl')}`],
      });
      mosquittoStartMs = Number(process.hrtime.bigint() - mosquittoStarted) / 1e6;
      stopReloading = reloadOnChange(confDir, mosquitto);
      args.push('--broker-url', mosquitto.url, '--broker-config-dir', confDir);
    }
    const started = process.hrtime.bigint();
    const spawned = track(
      spawn(process.execPath, [...nodeArgs, HUB_ENTRY, ...args], {
        env: hubEnv(),
        stdio: ['ignore', 'pipe', 'pipe'],
      }),
      '',
    );
    child = spawned;
    let stdout = '';
    let stderrTail = '';
    spawned.stderr.on('data', (chunk: Buffer) => (stderrTail = (stderrTail + chunk).slice(-4_000)));
    type Ready = { mqtt: number | null; http: number; broker: string };
    const ready = await new Promise<Ready>((resolveReady, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no ready line in ${timeoutMs} ms`)),
        timeoutMs,
      );
      spawned.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk;
        const match = /^hearth ready (\{.*\})$/m.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        resolveReady(JSON.parse(match[1]!) as Ready);
      });
      spawned.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`hub exited with ${code} before ready: ${stderrTail}`));
      });
    });
    const startMs = Number(process.hrtime.bigint() - started) / 1e6;
    if (mosquitto && ready.broker !== mosquitto.url) {
      throw new Error(`the hub says its broker is ${ready.broker}, not ${mosquitto.url}`);
    }
    const port = mosquitto ? mosquitto.port : ready.mqtt;
    if (port === null) throw new Error('the embedded hub has no MQTT port');
    const external = mosquitto;
    return {
      broker,
      child: spawned,
      pid: spawned.pid!,
      mqttPort: ready.mqtt,
      httpPort: ready.http,
      httpUrl: `http://127.0.0.1:${ready.http}`,
      devices: {
        target: { host: '127.0.0.1', port },
        url: `mqtt://127.0.0.1:${port}`,
        external: external !== null,
      },
      startMs,
      mosquitto: external
        ? {
            pid: external.pid,
            version: external.version,
            exportMs,
            startMs: mosquittoStartMs,
          }
        : null,
      reloads: () => external?.reloads ?? 0,
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
