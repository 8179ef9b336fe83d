// Starts a real EmbeddedBroker on free loopback ports and connects real clients to it.
import mqtt from 'mqtt';
import type { IClientOptions, MqttClient } from 'mqtt';
import { createLogger } from '../../src-main/hub/log.js';
import { EmbeddedBroker } from '../../src-main/hub/broker/embedded-broker.js';
import type { BrokerLimits } from '../../src-main/hub/broker/embedded-broker.js';
import type { BrokerAccess } from '../../src-main/hub/broker/access.js';
import { ADMIN_PASSWORD, createTestAccess } from './test-access.js';

export const HOST = '127.0.0.1';

export const TEST_LIMITS: BrokerLimits = {
  maxConnections: 50,
  maxConnectionsPerAddress: 20,
  maxPacketBytes: 1024 * 1024,
  connectTimeoutMs: 10_000,
  maxKeepAliveSeconds: 3600,
};

export interface Fixture {
  broker: EmbeddedBroker;
  mqttPort: number;
  wsPort: number;
  logs: string[];
  clients: MqttClient[];
  /** A real mqtt.js client logged in as the admin token; closed by close(). */
  connect(options?: IClientOptions, url?: string): Promise<MqttClient>;
  close(): Promise<void>;
}

export async function startFixture(
  limits: Partial<BrokerLimits> = {},
  access: BrokerAccess = createTestAccess(),
): Promise<Fixture> {
  const logs: string[] = [];
  const broker = await EmbeddedBroker.start({
    host: HOST,
    mqttPort: 0,
    wsPort: 0,
    limits: { ...TEST_LIMITS, ...limits },
    access,
    log: createLogger('debug', (line) => logs.push(line)),
  });
  const clients: MqttClient[] = [];
  const mqttPort = broker.ports.mqtt as number;
  const wsPort = broker.ports.ws as number;
  return {
    broker,
    mqttPort,
    wsPort,
    logs,
    clients,
    async connect(options = {}, url = `mqtt://${HOST}:${mqttPort}`) {
      const client = await connectClient(url, {
        username: 'token',
        password: ADMIN_PASSWORD,
        ...options,
      });
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((client) => client.endAsync(true)));
      await broker.stop();
    },
  };
}

/** Resolves once CONNACK 0 arrives; rejects on refusal or close. Never reconnects. */
export function connectClient(url: string, options: IClientOptions): Promise<MqttClient> {
  const client = mqtt.connect(url, { reconnectPeriod: 0, connectTimeout: 5000, ...options });
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', (error) => {
      client.end(true);
      reject(error);
    });
    client.once('close', () => reject(new Error('closed before CONNACK')));
  });
}

/** Proves a client is still connected and served: a QoS 1 message to itself comes back. */
export async function assertServed(client: MqttClient): Promise<void> {
  const topic = `alive/${Math.random().toString(36).slice(2)}`;
  await client.subscribeAsync(topic, { qos: 1 });
  const received = new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no message back within 5 s')), 5000);
    client.on('message', (got, payload) => {
      if (got !== topic) return;
      clearTimeout(timer);
      resolve(payload.toString());
    });
  });
  await client.publishAsync(topic, 'still here', { qos: 1 });
  if ((await received) !== 'still here') throw new Error('wrong payload');
  await client.unsubscribeAsync(topic);
}
