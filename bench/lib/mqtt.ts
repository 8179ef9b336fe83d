// mqtt.js clients over plain TCP with a chosen loopback source address (as devices spread over a
// LAN would be) and TCP_NODELAY, the same for Hearth and for Mosquitto.
import { createConnection } from 'node:net';
import { MqttClient, type IClientOptions } from 'mqtt';

export interface Target {
  host: string;
  port: number;
}

/** Errors reported by clients after they connected (counted in the results, never hidden). */
export const lateErrors: string[] = [];

export function connect(
  target: Target,
  options: IClientOptions & { localAddress?: string } = {},
): Promise<MqttClient> {
  const { localAddress, ...clientOptions } = options;
  const client = new MqttClient(
    () => createConnection({ ...target, noDelay: true, ...(localAddress ? { localAddress } : {}) }),
    { reconnectPeriod: 0, connectTimeout: 10_000, ...clientOptions },
  );
  return new Promise((resolve, reject) => {
    const fail = (error: Error): void => {
      client.removeListener('close', closed);
      client.end(true);
      reject(error);
    };
    const closed = (): void => fail(new Error('connection closed before CONNACK'));
    client.once('error', fail);
    client.once('close', closed);
    client.once('connect', () => {
      client.removeListener('error', fail);
      client.removeListener('close', closed);
      client.on('error', (error) =>
        lateErrors.push(`${client.options.clientId}: ${error.message}`),
      );
      resolve(client);
    });
  });
}

/** Resolves with the next payload on `topic`; rejects after `timeoutMs`. */
export function nextPayload(client: MqttClient, topic: string, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const onMessage = (received: string, payload: Buffer): void => {
      if (received !== topic) return;
      clearTimeout(timer);
      client.removeListener('message', onMessage);
      resolve(payload.toString('utf8'));
    };
    const timer = setTimeout(() => {
      client.removeListener('message', onMessage);
      reject(new Error(`nothing on ${topic} in ${timeoutMs} ms`));
    }, timeoutMs);
    client.on('message', onMessage);
  });
}
