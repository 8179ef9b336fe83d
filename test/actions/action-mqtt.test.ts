// Action files behind the real dispatcher on a real broker with the hub's real access rules:
// replies on the action's topic, publishing rules, and the broker keeps answering other
// clients while an action loops in the host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { ActionDispatcher } from '../../src-main/hub/actions/dispatcher.js';
import { EventBus } from '../../src-main/hub/events.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { ADMIN_TOKEN, startAccessFixture, type AccessFixture } from '../access/access-fixture.js';
import { connectToken, nextMessage } from '../helpers/mqtt.js';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const FILE = `
export function greet(message, hub) { return 'hello ' + (message.args[0] ?? 'you') + ' from ' + message.topic; }
export function spin() { for (;;); }
export async function relay(message, hub) {
  await hub.publish('home/relay', message.args.join(' '));
  try { await hub.publish('hearth/devices/x/set', 'UNLOCK'); } catch (error) { return 'refused: ' + error.message; }
  return 'not refused';
}
export async function count(message, hub) {
  const next = ((await hub.store.get('n')) ?? 0) + 1;
  await hub.store.set('n', next);
  return next;
}
export function boom() { throw new Error('kaboom'); }
`;

let broker: AccessFixture;
let fx: ActionFixture;
let dispatcher: ActionDispatcher;
const events = new EventBus();
const errors: Array<{ action: string; message: string }> = [];
let a: MqttClient;
let b: MqttClient;

before(async () => {
  broker = await startAccessFixture();
  fx = await startActionFixture(
    { 'rules.mjs': FILE },
    { publish: (topic, payload, options) => broker.broker.publish(topic, payload, options) },
  );
  dispatcher = new ActionDispatcher(broker.broker, fx.catalog, events, silentLogger);
  dispatcher.start();
  events.onAny((event) => {
    if (event.type === 'action_error')
      errors.push(event.data as { action: string; message: string });
  });
  a = await connectToken(broker.url, ADMIN_TOKEN, { clientId: 'client-a' });
  b = await connectToken(broker.url, ADMIN_TOKEN, { clientId: 'client-b' });
});
after(async () => {
  await a?.endAsync();
  await b?.endAsync();
  dispatcher?.stop();
  await fx?.close();
  await broker?.close();
});

describe('action files over MQTT', () => {
  test('the reply goes out on the topic named by the action', async () => {
    const reply = nextMessage(a, 'greet');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.publishAsync('hearth/action', 'GREET Bob', { qos: 1 });
    assert.equal((await reply).payload, 'hello Bob from hearth/action');
  });

  test('hub.publish reaches other clients; hearth/ topics are refused', async () => {
    const relayed = nextMessage(b, 'home/relay');
    const reply = nextMessage(a, 'relay');
    await new Promise((resolve) => setTimeout(resolve, 20));
    await a.publishAsync('hearth/action', 'relay lights on', { qos: 1 });
    assert.equal((await relayed).payload, 'lights on');
    assert.equal(
      (await reply).payload,
      'refused: publish: actions never publish under hearth/ or $',
    );
  });

  test('the per-action store keeps its value', async () => {
    for (const expected of ['1', '2']) {
      const reply = nextMessage(a, 'count');
      await new Promise((resolve) => setTimeout(resolve, 20));
      await a.publishAsync('hearth/action', 'count', { qos: 1 });
      assert.equal((await reply).payload, expected);
    }
  });

  test('a throwing action: no reply, an action_error naming it', async () => {
    await a.publishAsync('hearth/action', 'boom', { qos: 1 });
    await waitFor(() => errors.some((error) => error.action === 'boom'));
    assert.match(
      errors.find((error) => error.action === 'boom')!.message,
      /"boom" failed: Error: kaboom/,
    );
  });

  test('while an action loops, another client still gets its ping answered', async (t) => {
    await a.publishAsync('hearth/action', 'spin', { qos: 1 });
    // Give the host time to enter the loop, then measure another client's round trip.
    await new Promise((resolve) => setTimeout(resolve, 100));
    const started = performance.now();
    const pong = nextMessage(b, 'ping', 5_000);
    await b.publishAsync('hearth/action', 'ping', { qos: 1 });
    assert.equal((await pong).payload, 'pong');
    const roundTripMs = performance.now() - started;
    // Ordering, not speed: the pong came while the loop was still running.
    assert.equal(
      errors.some((error) => error.action === 'spin'),
      false,
    );
    t.diagnostic(`ping round trip during a looping action: ${roundTripMs.toFixed(1)} ms`);
    await waitFor(() => errors.some((error) => error.action === 'spin'));
    assert.match(
      errors.find((error) => error.action === 'spin')!.message,
      /ran longer than 1000 ms/,
    );
    const reply = nextMessage(a, 'greet');
    await a.publishAsync('hearth/action', 'greet again', { qos: 1 });
    assert.equal((await reply).payload, 'hello again from hearth/action');
  });
});

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
