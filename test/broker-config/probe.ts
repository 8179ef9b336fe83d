// Probes for what a real Mosquitto lets a client do, shared by the broker-config tests: MQTT 5
// clients, so refusals come back as reason codes (PUBACK/SUBACK/CONNACK 0x87 = 135).
import assert from 'node:assert/strict';
import { after, afterEach, before } from 'node:test';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import {
  startTestMosquitto,
  type TestMosquitto,
  type TestMosquittoOptions,
} from '../helpers/mosquitto.js';
import { mosquittoPasswordHash } from '../../src-main/hub/broker-config/mosquitto-password.js';
import type { BrokerAccounts } from '../../src-main/hub/broker-config/broker-accounts.js';
import { renderMosquittoAcl } from '../../src-main/hub/broker-config/mosquitto-acl.js';
import {
  DYNSEC_TOPIC,
  renderMosquittoDynsec,
  type DynsecCommand,
} from '../../src-main/hub/broker-config/mosquitto-dynsec.js';

export const NOT_AUTHORIZED = 0x87;

export const HUB = { username: 'hearth-hub', password: 'hub-password' };
export const SECRETS: Record<string, string> = {
  lock1: 'secret-of-lock1',
  lock2: 'secret-of-lock2',
  fresh1: 'secret-of-fresh1',
};

/** lock1, lock2: approved, logged in before; fresh1: approved, not logged in yet; pend1: pending. */
export function homeAccounts(): BrokerAccounts {
  return {
    hub: { username: HUB.username, passwordHash: mosquittoPasswordHash(HUB.password) },
    devices: [
      { id: 'lock1', status: 'approved', brokerHash: mosquittoPasswordHash(SECRETS.lock1!) },
      { id: 'lock2', status: 'approved', brokerHash: mosquittoPasswordHash(SECRETS.lock2!) },
      {
        id: 'fresh1',
        status: 'approved',
        brokerHash: mosquittoPasswordHash(SECRETS.fresh1!),
        awaitingFirstLogin: true,
      },
      { id: 'pend1', status: 'pending', brokerHash: null },
      { id: 'old1', status: 'approved', brokerHash: null },
    ],
    integrations: [],
  };
}

export interface Probe {
  url: string;
  clients: MqttClient[];
  connect(options: IClientOptions): Promise<MqttClient>;
  hub(): Promise<MqttClient>;
  device(id: string, clientId?: string): Promise<MqttClient>;
  anonymous(clientId: string): Promise<MqttClient>;
  closeAll(): Promise<void>;
}

/**
 * One Mosquitto for the whole test file, started with these files and config lines, and a fresh
 * set of clients for each test (closed after it). Returns the current probe.
 */
export function mosquittoForFile(config: TestMosquittoOptions): () => Probe {
  let broker: TestMosquitto | undefined;
  let current: Probe | undefined;
  before(async () => {
    broker = await startTestMosquitto(config);
    current = probe(broker.url);
  });
  afterEach(async () => current?.closeAll());
  after(async () => broker?.stop());
  return () => current!;
}

export function probe(url: string): Probe {
  const clients: MqttClient[] = [];
  const connect = async (options: IClientOptions): Promise<MqttClient> => {
    const client = await mqtt.connectAsync(url, {
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    clients.push(client);
    return client;
  };
  return {
    url,
    clients,
    connect,
    hub: () => connect({ username: HUB.username, password: HUB.password, clientId: 'hub-test' }),
    device: (id, clientId = id) => connect({ username: id, password: SECRETS[id], clientId }),
    anonymous: (clientId) => connect({ clientId }),
    async closeAll() {
      await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
    },
  };
}

/** 0 when a QoS 1 publish was accepted, else the PUBACK reason code. */
export async function publishCode(
  client: MqttClient,
  topic: string,
  payload = 'x',
): Promise<number> {
  try {
    const packet = (await client.publishAsync(topic, payload, { qos: 1 })) as
      { reasonCode?: number } | undefined;
    return packet?.reasonCode ?? 0;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
}

/** The SUBACK code for one filter: the granted QoS (0-2) or a refusal (0x80 and up). */
export async function subackCode(client: MqttClient, filter: string): Promise<number> {
  try {
    const [grant] = await client.subscribeAsync(filter, { qos: 1 });
    return grant!.qos;
  } catch (error) {
    const granted = (error as { packet?: { granted?: number[] } }).packet?.granted;
    if (granted && typeof granted[0] === 'number') return granted[0];
    throw error;
  }
}

/** Refusal code of a connection attempt, or null when it was accepted (and closed again). */
export async function connackCode(url: string, options: IClientOptions): Promise<number | null> {
  try {
    const client = await mqtt.connectAsync(url, {
      protocolVersion: 5,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      ...options,
    });
    await client.endAsync(true);
    return null;
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code === 'number') return code;
    throw error;
  }
}

/**
 * What `receiver` gets on its subscriptions while `send` publishes (QoS 1, each awaited), up to
 * a control message on a topic the receiver may read (subscribed here), published last. Mosquitto
 * handles packets in order on one thread, so anything `send` got acknowledged is routed before
 * the control: the control arriving proves the wait was long enough for a forbidden message to
 * have arrived too.
 */
export async function receivedUntil(
  receiver: MqttClient,
  send: () => Promise<void>,
  control: { publisher: MqttClient; topic: string },
): Promise<string[]> {
  await receiver.subscribeAsync(control.topic, { qos: 1 });
  const seen: string[] = [];
  const marker = `control-${Math.random().toString(36).slice(2)}`;
  let onMessage: (topic: string, payload: Buffer) => void = () => {};
  const controlled = new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no control on ${control.topic}`)), 5_000);
    onMessage = (topic, payload) => {
      const text = payload.toString('utf8');
      if (text === marker) {
        clearTimeout(timer);
        resolve();
      } else seen.push(`${topic} ${text}`);
    };
    receiver.on('message', onMessage);
  });
  try {
    await send();
    await control.publisher.publishAsync(control.topic, marker, { qos: 1 });
    await controlled;
  } finally {
    receiver.removeListener('message', onMessage);
  }
  return seen;
}

export const topic = (id: string, name: string): string => `hearth/devices/${id}/${name}`;

export const ACL_LINES = [
  'password_file {dir}/passwd',
  'acl_file {dir}/acl',
  'allow_anonymous true',
];
// Test only: a user that may read $SYS, to show $SYS messages do exist where others get none.
export const SYS_READER = { username: 'sysreader', password: 'sysreader-password' };

/** The rendered password and ACL files, plus the test-only $SYS reader. */
export function aclFiles(accounts: BrokerAccounts): Record<string, string> {
  const { passwd, acl } = renderMosquittoAcl(accounts);
  return {
    passwd: `${passwd}${SYS_READER.username}:${mosquittoPasswordHash(SYS_READER.password)}\n`,
    acl: `${acl}user ${SYS_READER.username}\ntopic read $SYS/#\n`,
  };
}

export const DYNSEC_LINES = [
  'plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  'plugin_opt_config_file {dir}/dynamic-security.json',
  'allow_anonymous true',
];

export const dynsecFiles = (accounts: BrokerAccounts): Record<string, string> => ({
  'dynamic-security.json': renderMosquittoDynsec(accounts).json,
});

/** Publishes commands on the plugin's topic and returns its response (which must hold no error). */
export async function dynsecSend(hub: MqttClient, commands: DynsecCommand[]): Promise<string> {
  const responses = `${DYNSEC_TOPIC}/response`;
  await hub.subscribeAsync(responses, { qos: 1 });
  const response = new Promise<string>((resolve) => {
    const onMessage = (received: string, payload: Buffer): void => {
      if (received !== responses) return;
      hub.removeListener('message', onMessage);
      resolve(payload.toString('utf8'));
    };
    hub.on('message', onMessage);
  });
  await hub.publishAsync(DYNSEC_TOPIC, JSON.stringify({ commands }), { qos: 1 });
  const text = await response;
  assert.doesNotMatch(text, /"error"/, text);
  return text;
}
