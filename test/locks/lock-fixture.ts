// The real hub for lock tests: joining open, a short confirmation timeout, and plain HTTP and
// MQTT helpers around it (fetch with a safety timeout, event watchers, polling).
import assert from 'node:assert/strict';
import type { MqttClient } from 'mqtt';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connectToken } from '../helpers/mqtt.js';
import { checkedFetch } from '../helpers/openapi-check.js';

/** The confirmation timeout most lock tests run with (the default is 5 s). */
export const SHORT_TIMEOUT_MS = 700;

export async function startLockHub(
  options: { dataDir?: string; confirmTimeoutMs?: number } = {},
): Promise<TestHub> {
  const hub = await startTestHub(options.dataDir ? { dataDir: options.dataDir } : {});
  const joining = await call(hub, 'POST', '/api/v1/permit-join', { json: { seconds: 600 } });
  assert.equal(joining.status, 200, JSON.stringify(joining.body));
  await setLockSettings(hub, { confirmTimeoutMs: options.confirmTimeoutMs ?? SHORT_TIMEOUT_MS });
  return hub;
}

export async function setLockSettings(hub: TestHub, locks: Record<string, unknown>): Promise<void> {
  const patched = await call(hub, 'PATCH', '/api/v1/settings', { json: { locks } });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
}

export interface Answer {
  status: number;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- tests read many JSON shapes
  body: any;
}

/**
 * One HTTP request. `json` or `text` is the body; `token: null` sends no Authorization. A
 * request that does not answer within `timeoutMs` (a safety net, not a speed check) fails.
 */
export async function call(
  hub: TestHub,
  method: string,
  path: string,
  options: {
    json?: unknown;
    text?: string;
    contentType?: string;
    token?: string | null;
    timeoutMs?: number;
  } = {},
): Promise<Answer> {
  const token = options.token === undefined ? hub.token : options.token;
  const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
  let body: string | undefined;
  if (options.json !== undefined) {
    headers['content-type'] = options.contentType ?? 'application/json';
    body = JSON.stringify(options.json);
  } else if (options.text !== undefined) {
    headers['content-type'] = options.contentType ?? 'text/plain';
    body = options.text;
  }
  const response = await checkedFetch(`${hub.httpUrl}${path}`, {
    method,
    headers,
    ...(body === undefined ? {} : { body }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 20_000),
  });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = text ? JSON.parse(text) : null;
  } catch {
    // not JSON: keep the text
  }
  return { status: response.status, body: parsed };
}

export type LockCommand = 'lock' | 'unlock' | 'open';

export const command = (
  hub: TestHub,
  id: string,
  word: LockCommand,
  timeoutMs?: number,
): Promise<Answer> =>
  call(hub, 'POST', `/api/v1/devices/${encodeURIComponent(id)}/${word}`, {
    ...(timeoutMs === undefined ? {} : { timeoutMs }),
  });

/** The error body the contract names, with this status and code and a message. */
export function assertError(answer: Answer, status: number, code: string): string {
  assert.equal(answer.status, status, JSON.stringify(answer.body));
  assert.equal(answer.body?.error?.code, code, JSON.stringify(answer.body));
  assert.equal(typeof answer.body.error.message, 'string');
  assert.ok(answer.body.error.message.length > 0);
  assert.ok(!/\n\s+at /.test(answer.body.error.message), 'no stack trace');
  return answer.body.error.message as string;
}

export interface DeviceShown {
  id: string;
  name: string;
  kind: string;
  state: string;
  stateAt?: string | null;
  battery: number | null;
  availability: string;
}

export async function deviceView(hub: TestHub, id: string): Promise<DeviceShown> {
  const answer = await call(hub, 'GET', `/api/v1/devices/${encodeURIComponent(id)}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body as DeviceShown;
}

export async function stateOf(hub: TestHub, id: string): Promise<string> {
  return (await deviceView(hub, id)).state;
}

export interface AuditRow {
  seq: number;
  at: string;
  lockId: string;
  command: string;
  source: string;
  actor: string;
  result: string;
  state: string;
  ms: number;
  message?: string;
}

export async function audit(hub: TestHub, query = 'limit=500'): Promise<AuditRow[]> {
  const answer = await call(hub, 'GET', `/api/v1/audit?${query}`);
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.entries as AuditRow[];
}

export async function activity(
  hub: TestHub,
): Promise<Array<{ kind: string; message: string; actor?: string; data?: unknown }>> {
  const answer = await call(hub, 'GET', '/api/v1/activity?limit=500');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  return answer.body.entries;
}

/** Polls until `probe` gives something truthy; fails with `what` after `timeoutMs`. */
export async function waitFor<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs = 5_000,
): Promise<Exclude<T, false | null | undefined | 0 | ''>> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value as Exclude<T, false | null | undefined | 0 | ''>;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

export interface HubEventSeen {
  type: string;
  at: string;
  data: Record<string, unknown>;
}

/** An admin token client that keeps every event of the given types from now on. */
export async function watchEvents(
  hub: TestHub,
  ...types: string[]
): Promise<{ client: MqttClient; seen: HubEventSeen[]; end(): Promise<void> }> {
  const client = await connectToken(hub.mqttUrl, hub.token);
  const seen: HubEventSeen[] = [];
  client.on('message', (topic, payload) => {
    if (topic.startsWith('hearth/events/')) seen.push(JSON.parse(payload.toString('utf8')));
  });
  for (const type of types) await client.subscribeAsync(`hearth/events/${type}`, { qos: 1 });
  return { client, seen, end: () => client.endAsync().then(() => undefined) };
}

export const pause = (ms: number): Promise<void> =>
  new Promise((resolve) => setTimeout(resolve, ms));
