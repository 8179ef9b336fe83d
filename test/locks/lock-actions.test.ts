// The original hub's MQTT actions (contract 2.1): `lock`, `lock all`, `lock <id>`, `unlock …`
// on hearth/action, answered on topic `lock` / `unlock` with the summary. Only token clients
// with control scope may run them; a device that tries is refused and it is in the activity.
import assert from 'node:assert/strict';
import type { MqttClient } from 'mqtt';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import { connectToken } from '../helpers/mqtt.js';
import { activity, audit, call, startLockHub, stateOf, waitFor } from './lock-fixture.js';
import {
  assertHouseShown,
  assertHouseUntouched,
  assertNoCommands,
  assertSummary,
  buildHouse,
  type House,
} from './house-of-locks.js';

let hub: TestHub;
let house: House;
let admin: MqttClient;
const replies: Array<{ topic: string; text: string }> = [];
beforeEach(async () => {
  hub = await startLockHub();
  house = await buildHouse(hub);
  admin = await connectToken(hub.mqttUrl, hub.token);
  replies.length = 0;
  admin.on('message', (topic, payload) => replies.push({ topic, text: payload.toString('utf8') }));
  await admin.subscribeAsync(['lock', 'unlock'], { qos: 1 });
});
afterEach(async () => {
  await admin.endAsync();
  await house.end();
  await hub.close();
});

/** Publishes an action on hearth/action and waits for the reply on `topic`. */
async function run(client: MqttClient, text: string, topic: string): Promise<string> {
  const before = replies.length;
  await client.publishAsync('hearth/action', text, { qos: 1 });
  const reply = await waitFor(
    `a reply on ${topic} to "${text}"`,
    () => replies.slice(before).find((seen) => seen.topic === topic),
    10_000,
  );
  return reply.text;
}

describe('lock and unlock, all of them', () => {
  for (const text of ['lock', 'lock all', 'LOCK ALL']) {
    test(`"${text}" locks every lock and replies on topic lock with the summary`, async () => {
      const summary = await run(admin, text, 'lock');
      assertSummary(summary, 'locked');
      await assertHouseShown(hub);
      assert.deepEqual(house.camera.commands, []);
      const entries = (await audit(hub)).slice(0, 4);
      assert.equal(entries.length, 4);
      for (const entry of entries) {
        assert.equal(entry.source, 'mqtt');
        assert.match(entry.actor, /token/);
        assert.equal(entry.command, 'LOCK');
      }
    });
  }

  test('"unlock" unlocks every lock and replies on topic unlock', async () => {
    await house.front.settle('LOCKED');
    const summary = await run(admin, 'unlock', 'unlock');
    assertSummary(summary, 'unlocked');
    assert.deepEqual(house.front.commands, ['UNLOCK']);
    assert.equal(await stateOf(hub, 'front-door'), 'unlocked');
  });
});

describe('one lock by id', () => {
  test('"lock front-door" and "unlock front-door": only that lock, and the reply says how it went', async () => {
    const locked = await run(admin, 'lock front-door', 'lock');
    assert.match(locked, /front door/i);
    assert.match(locked, /\blocked\b/i);
    assert.equal(await stateOf(hub, 'front-door'), 'locked');
    const unlocked = await run(admin, 'unlock front-door', 'unlock');
    assert.match(unlocked, /\bunlocked\b/i);
    assert.deepEqual(house.front.commands, ['LOCK', 'UNLOCK']);
    for (const other of [house.back, house.garage, house.shed, house.camera])
      assert.deepEqual(other.commands, []);
    const [newest] = await audit(hub);
    assert.deepEqual(
      [newest?.lockId, newest?.command, newest?.source, newest?.result],
      ['front-door', 'UNLOCK', 'mqtt', 'ok'],
    );
  });

  test('a jammed, a silent, an offline and an unknown lock: the reply names the problem', async () => {
    assert.match(await run(admin, 'lock back-door', 'lock'), /jammed/i);
    assert.match(await run(admin, 'lock garage', 'lock'), /confirm/i);
    assert.match(await run(admin, 'lock shed', 'lock'), /offline/i);
    assert.match(await run(admin, 'lock nope', 'lock'), /no approved device|unknown|nope/i);
    assert.match(await run(admin, 'unlock porch-cam', 'unlock'), /not a lock/i);
    assert.deepEqual(house.camera.commands, []);
    assert.equal(await stateOf(hub, 'back-door'), 'jammed');
    assert.equal(await stateOf(hub, 'garage'), 'unlocked');
    assert.equal(await stateOf(hub, 'shed'), 'unlocked');
    const results = (await audit(hub)).slice(0, 5).map((entry) => entry.result);
    assert.deepEqual(results, [
      'not_a_lock',
      'unknown_device',
      'offline',
      'no_confirmation',
      'jammed',
    ]);
  });
});

describe('who may run them', () => {
  test('a control token from pairing may; the audit log names that token', async () => {
    const code = await call(hub, 'POST', '/api/v1/pairing-codes');
    assert.equal(code.status, 200, JSON.stringify(code.body));
    const paired = await call(hub, 'POST', '/api/v1/pair', {
      json: { code: code.body.code, name: 'Kitchen phone' },
      token: null,
    });
    assert.equal(paired.status, 200, JSON.stringify(paired.body));
    const phone = await connectToken(hub.mqttUrl, paired.body.token as string);
    phone.on('message', (topic, payload) =>
      replies.push({ topic: `phone:${topic}`, text: payload.toString('utf8') }),
    );
    await phone.subscribeAsync('lock', { qos: 1 });
    await run(phone, 'lock front-door', 'phone:lock');
    const [entry] = await audit(hub);
    assert.equal(entry?.source, 'mqtt');
    assert.ok(
      entry?.actor.includes(paired.body.id) || /kitchen phone/i.test(entry?.actor ?? ''),
      `the actor names the phone's token: ${entry?.actor}`,
    );
    await phone.endAsync();
  });

  test('a lock that publishes "unlock all" gets no reply, no lock moves, and the refusal is in the activity history', async () => {
    for (const topic of ['hearth/action', 'hearth/devices/front-door/action']) {
      house.front.publishAnywhere(topic, 'unlock all');
    }
    await assertNoCommands(house);
    await assertHouseUntouched(hub);
    assert.deepEqual(await audit(hub), []);
    const refusals = await waitFor('the refusal in the activity history', async () => {
      const found = (await activity(hub)).filter(
        (entry) => entry.kind === 'action_error' && /front-door/.test(JSON.stringify(entry)),
      );
      return found.length > 0 && found;
    });
    assert.match(JSON.stringify(refusals[0]), /unlock/);
    assert.deepEqual(
      replies.filter((reply) => reply.topic === 'unlock'),
      [],
    );
  });
});
