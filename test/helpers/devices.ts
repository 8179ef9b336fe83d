// A device as the contract describes it (2.3), with a bare mqtt.js client: connect with its id
// as client id, hand_shake, read the answer on its own hand_shake topic.
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { checkedFetch } from './openapi-check.js';

export interface TestDevice {
  client: MqttClient;
  /** Messages on hearth/devices/<id>/hand_shake, in order. */
  answers: string[];
  nextAnswer(timeoutMs?: number): Promise<string>;
  handShake(words?: string): Promise<string>;
  end(): Promise<void>;
}

export async function connectDevice(
  url: string,
  id: string,
  options: {
    secret?: string;
    extra?: IClientOptions;
    /** Where hand_shake goes: `hearth/action`, or the device's own inbox (external brokers). */
    ownInbox?: boolean;
  } = {},
): Promise<TestDevice> {
  const client = await mqtt.connectAsync(url, {
    clientId: id,
    clean: true,
    reconnectPeriod: 0,
    connectTimeout: 5_000,
    ...(options.secret ? { username: id, password: options.secret } : {}),
    ...options.extra,
  });
  const topic = `hearth/devices/${id}/hand_shake`;
  const answers: string[] = [];
  const waiters: Array<(answer: string) => void> = [];
  client.on('message', (received, payload) => {
    if (received !== topic) return;
    const text = payload.toString('utf8');
    const waiter = waiters.shift();
    if (waiter) waiter(text);
    else answers.push(text);
  });
  await client.subscribeAsync(topic, { qos: 1 });
  const nextAnswer = (timeoutMs = 5_000): Promise<string> => {
    const queued = answers.shift();
    if (queued !== undefined) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no answer on ${topic} in ${timeoutMs} ms`)),
        timeoutMs,
      );
      waiters.push((answer) => {
        clearTimeout(timer);
        resolve(answer);
      });
    });
  };
  return {
    client,
    answers,
    nextAnswer,
    async handShake(words = '') {
      const inbox = options.ownInbox ? `hearth/devices/${id}/action` : 'hearth/action';
      await client.publishAsync(inbox, `hand_shake ${id}${words ? ' ' + words : ''}`, {
        qos: 1,
      });
      return nextAnswer();
    },
    end: () => client.endAsync(true).then(() => undefined),
  };
}

/**
 * Calls the hub's HTTP API with the admin token; returns status and parsed body. The answer is
 * checked against the OpenAPI description first (openapi-check.ts).
 */
export async function api(
  baseUrl: string,
  token: string,
  method: string,
  path: string,
  body?: unknown,
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read many JSON shapes
): Promise<{ status: number; body: any }> {
  const response = await checkedFetch(`${baseUrl}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

export const delay = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));

/** Pairs a phone the way the app does (a code from the owner, traded once); its token and id. */
export async function pairPhone(
  baseUrl: string,
  adminToken: string,
  name: string,
): Promise<{ token: string; id: string }> {
  const code = await api(baseUrl, adminToken, 'POST', '/api/v1/pairing-codes');
  if (code.status !== 200) throw new Error(`no pairing code: ${JSON.stringify(code.body)}`);
  const paired = await checkedFetch(`${baseUrl}/api/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.body.code, name }),
  });
  if (paired.status !== 200) throw new Error(`pairing failed: ${await paired.text()}`);
  return (await paired.json()) as { token: string; id: string };
}
