// The hub's real access rules (createHubAccess) on a real EmbeddedBroker, with a small
// AccessDirectory standing in for the device registry, real integration accounts over a real
// StateStore, and a real ActivityLog, all in a temporary folder.
import { createLogger } from '../../src-main/hub/log.js';
import { ActivityLog } from '../../src-main/hub/activity/activity-log.js';
import type {
  AccessDirectory,
  DeviceAccessView,
} from '../../src-main/hub/access/access-directory.js';
import { createHubAccess } from '../../src-main/hub/access/hub-access.js';
import { IntegrationAccounts } from '../../src-main/hub/access/integration-accounts.js';
import { createTokenVerifier } from '../../src-main/hub/auth/token-verifier.js';
import { hashToken } from '../../src-main/hub/auth/tokens.js';
import { EmbeddedBroker } from '../../src-main/hub/broker/embedded-broker.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { TEST_LIMITS } from '../broker/broker-fixture.js';
import { RawClient } from '../broker/raw-mqtt.js';

export const ADMIN_TOKEN = 'access-test-admin-token-0123456789abcdef';

/** A device registry reduced to what the rules read, with logins remembered. */
export class TinyDirectory implements AccessDirectory {
  readonly devices = new Map<string, DeviceAccessView>();
  readonly logins: string[] = [];
  allowWithoutSecret = false;
  integrations: IntegrationAccounts | null = null;

  /** An approved device holding `secret`; `used` as if it had logged in with it before. */
  approve(id: string, secret: string, used = true): void {
    this.devices.set(id, {
      status: 'approved',
      secretHash: hashToken(secret),
      secretUsed: used,
      bridged: false,
    });
  }

  device(id: string) {
    return this.devices.get(id);
  }
  allowDevicesWithoutSecret() {
    return this.allowWithoutSecret;
  }
  integration(id: string) {
    return this.integrations?.integration(id);
  }
  deviceLoggedIn(id: string, withSecret: boolean) {
    this.logins.push(`${id} ${withSecret ? 'with' : 'without'} secret`);
  }
}

export interface AccessFixture {
  broker: EmbeddedBroker;
  port: number;
  url: string;
  directory: TinyDirectory;
  integrations: IntegrationAccounts;
  activity: ActivityLog;
  logs: string[];
  /** A raw MQTT connection that sent CONNECT with these fields; returns it and the CONNACK code. */
  connect(
    fields: Parameters<RawClient['sendConnect']>[0],
  ): Promise<{ raw: RawClient; code: number }>;
  close(): Promise<void>;
}

export async function startAccessFixture(): Promise<AccessFixture> {
  const dir = makeTempDir('hearth-access-');
  const logs: string[] = [];
  const log = createLogger('debug', (line) => logs.push(line));
  const store = StateStore.open({ dataDir: dir, log, onWarning: () => {} });
  const activity = new ActivityLog(dir, log);
  const directory = new TinyDirectory();
  let broker: EmbeddedBroker | null = null;
  const integrations = new IntegrationAccounts(store, (id) =>
    broker?.disconnectWhere((who) => who.kind === 'integration' && who.integrationId === id),
  );
  directory.integrations = integrations;
  const adminHash = hashToken(ADMIN_TOKEN);
  broker = await EmbeddedBroker.start({
    host: '127.0.0.1',
    mqttPort: 0,
    wsPort: null,
    limits: TEST_LIMITS,
    access: createHubAccess({
      tokens: createTokenVerifier(() => adminHash),
      directory,
      isConnected: (clientId) => broker?.isConnected(clientId) ?? false,
      activity,
      log,
    }),
    log,
  });
  const started = broker;
  const port = started.ports.mqtt as number;
  const raws: RawClient[] = [];
  return {
    broker: started,
    port,
    url: `mqtt://127.0.0.1:${port}`,
    directory,
    integrations,
    activity,
    logs,
    async connect(fields) {
      const raw = await RawClient.open(port);
      raws.push(raw);
      // No username unless the test gives one: a device joining is anonymous.
      raw.sendConnect({ username: undefined, password: undefined, ...fields });
      return { raw, code: await raw.connackCode() };
    },
    async close() {
      for (const raw of raws) raw.destroy();
      await started.stop();
      store.close();
      removeDir(dir);
    },
  };
}

let nextMessageId = 1;

/** SUBSCRIBE at QoS 1; resolves with the SUBACK's granted codes (128 = refused). */
export async function subscribeRaw(raw: RawClient, ...topics: string[]): Promise<number[]> {
  raw.send({
    cmd: 'subscribe',
    messageId: nextMessageId++,
    subscriptions: topics.map((topic) => ({ topic, qos: 1 as const })),
  });
  for (;;) {
    const packet = await raw.nextPacket();
    if (packet.cmd === 'suback') return packet.granted as number[];
  }
}

/** PUBLISH at QoS 1 without waiting for the answer (a refusal closes the connection). */
export function publishRaw(
  raw: RawClient,
  topic: string,
  payload: string | Buffer,
  retain = false,
): void {
  raw.send({
    cmd: 'publish',
    topic,
    payload: typeof payload === 'string' ? Buffer.from(payload) : payload,
    qos: 1,
    messageId: nextMessageId++,
    retain,
    dup: false,
  });
}

/** PUBLISH at QoS 1 and wait for its PUBACK: the broker took it. */
export async function publishAcked(raw: RawClient, topic: string, payload: string, retain = false) {
  publishRaw(raw, topic, payload, retain);
  for (;;) {
    const packet = await raw.nextPacket();
    if (packet.cmd === 'puback') return;
  }
}

/** Still connected and answered: a PINGREQ gets its PINGRESP. */
export async function stillServed(raw: RawClient): Promise<boolean> {
  if (!raw.isOpen()) return false;
  raw.send({ cmd: 'pingreq' });
  for (;;) {
    const packet = await raw.nextPacket().catch(() => null);
    if (packet === null) return false;
    if (packet.cmd === 'pingresp') return true;
  }
}

/** Pings and returns every packet that arrived before the PINGRESP (null if it never came). */
export async function packetsBeforePong(raw: RawClient): Promise<string[] | null> {
  if (!raw.isOpen()) return null;
  raw.send({ cmd: 'pingreq' });
  const seen: string[] = [];
  for (;;) {
    const packet = await raw.nextPacket().catch(() => null);
    if (packet === null) return null;
    if (packet.cmd === 'pingresp') return seen;
    seen.push(
      packet.cmd === 'publish' ? `${packet.topic} ${packet.payload.toString()}` : packet.cmd,
    );
  }
}
