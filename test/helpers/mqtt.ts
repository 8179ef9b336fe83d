// Small helpers around real mqtt.js clients.
import { createConnection } from 'node:net';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';

export async function connectToken(
  url: string,
  token: string,
  extra: IClientOptions = {},
): Promise<MqttClient> {
  return mqtt.connectAsync(url, {
    username: 'token',
    password: token,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...extra,
  });
}

/** Resolves with the next message on `topic` (subscribing first), or rejects after timeoutMs. */
export async function nextMessage(
  client: MqttClient,
  topic: string,
  timeoutMs = 5_000,
): Promise<{ topic: string; payload: string }> {
  // Listening starts before the SUBSCRIBE: callers often send their request while this waits for
  // the SUBACK, and the broker may deliver the reply first (it handles both packets at once).
  let stop = (): void => {};
  const next = new Promise<{ topic: string; payload: string }>((resolve, reject) => {
    const timer = setTimeout(() => {
      stop();
      reject(new Error(`no message on ${topic} within ${timeoutMs} ms`));
    }, timeoutMs);
    const onMessage = (received: string, payload: Buffer): void => {
      if (received !== topic) return;
      stop();
      resolve({ topic: received, payload: payload.toString('utf8') });
    };
    stop = () => {
      clearTimeout(timer);
      client.removeListener('message', onMessage);
    };
    client.on('message', onMessage);
  });
  next.catch(() => {}); // the caller gets the rejection; none goes unhandled meanwhile
  try {
    await client.subscribeAsync(topic, { qos: 1 });
  } catch (error) {
    stop();
    throw error;
  }
  return next;
}

/** Collects every message on `topic` for `ms` milliseconds. */
export async function collectMessages(
  client: MqttClient,
  topic: string,
  ms: number,
): Promise<string[]> {
  await client.subscribeAsync(topic, { qos: 1 });
  const seen: string[] = [];
  const onMessage = (received: string, payload: Buffer): void => {
    if (received === topic) seen.push(payload.toString('utf8'));
  };
  client.on('message', onMessage);
  await new Promise((resolve) => setTimeout(resolve, ms));
  client.removeListener('message', onMessage);
  return seen;
}

/** Tries to connect and returns the CONNACK refusal code (or null if it was accepted). */
/**
 * Connects once and resolves with the CONNACK's refusal code, or null when accepted. With
 * `localAddress` the TCP connection leaves from that loopback address (mqtt.js itself has no
 * such option), so tests can play several machines.
 */
export async function connackCode(
  url: string,
  options: IClientOptions & { localAddress?: string },
): Promise<number | null> {
  const { localAddress, ...clientOptions } = options;
  const settings = { reconnectPeriod: 0, connectTimeout: 5_000, ...clientOptions };
  return new Promise((resolve, reject) => {
    const client = localAddress
      ? new mqtt.MqttClient(() => {
          const { hostname, port } = new URL(url);
          return createConnection({ host: hostname, port: Number(port), localAddress });
        }, settings)
      : mqtt.connect(url, settings);
    client.once('connect', () => {
      client.end(true);
      resolve(null);
    });
    client.once('error', (error: Error & { code?: number }) => {
      client.end(true);
      if (typeof error.code === 'number') resolve(error.code);
      else reject(error);
    });
  });
}
