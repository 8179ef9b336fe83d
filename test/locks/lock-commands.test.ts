// POST /api/v1/devices/:id/lock|unlock|open answer on the lock's own word (contract 2.4, 3.2),
// and GET /api/v1/devices/:id shows what the lock last reported.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import {
  assertError,
  audit,
  call,
  command,
  deviceView,
  startLockHub,
  pause,
  stateOf,
} from './lock-fixture.js';
import { connectDevice } from '../helpers/devices.js';
import {
  answerWith,
  confirm,
  joinLock,
  silent,
  type Behaviour,
  type TestLock,
} from './test-lock.js';

let hub: TestHub;
const devices: TestLock[] = [];
beforeEach(async () => {
  hub = await startLockHub();
});
afterEach(async () => {
  for (const device of devices.splice(0)) await device.end();
  await hub.close();
});
async function join(
  id: string,
  name: string,
  behaviour: Behaviour,
  kind = 'lock',
): Promise<TestLock> {
  const device = await joinLock(hub, id, name, behaviour, kind);
  devices.push(device);
  return device;
}

describe('a lock that confirms', () => {
  test('lock, unlock and open answer 200 {id, state, ms} once the lock reports the target state', async () => {
    const front = await join(
      'front-door',
      'Front door',
      confirm({ transition: true, delayMs: 150 }),
    );
    for (const [word, state] of [
      ['lock', 'locked'],
      ['unlock', 'unlocked'],
      ['lock', 'locked'],
      ['open', 'unlocked'],
    ] as const) {
      const answer = await command(hub, 'front-door', word);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.deepEqual(Object.keys(answer.body).sort(), ['id', 'ms', 'state']);
      assert.equal(answer.body.id, 'front-door');
      assert.equal(answer.body.state, state);
      assert.equal(typeof answer.body.ms, 'number');
      assert.ok(answer.body.ms >= 0);
      assert.equal(await stateOf(hub, 'front-door'), state, 'shown as reported');
    }
    assert.deepEqual(front.commands, ['LOCK', 'UNLOCK', 'LOCK', 'OPEN'], 'sent on its set topic');
  });

  test('states and battery are read case-insensitively, as text or JSON', async () => {
    const lock = await join('side-door', 'Side door', answerWith('locked'));
    const answer = await command(hub, 'side-door', 'lock');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assert.equal(answer.body.state, 'locked');
    lock.behaviour = answerWith('{"state":"Unlocked","battery":42}');
    const unlocked = await command(hub, 'side-door', 'unlock');
    assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
    const shown = await deviceView(hub, 'side-door');
    assert.equal(shown.state, 'unlocked');
    assert.equal(shown.battery, 42);
    assert.equal(shown.availability, 'online');
    assert.equal(shown.kind, 'lock');
  });

  test('a lock that never reported shows unknown; its battery is kept when a later report has none', async () => {
    const lock = await join('garage', 'Garage', silent);
    const shown = await deviceView(hub, 'garage');
    assert.equal(shown.state, 'unknown');
    assert.equal(shown.battery, null);
    await lock.report('{"state":"LOCKED","battery":87}');
    await lock.settle('LOCKING');
    const later = await deviceView(hub, 'garage');
    assert.equal(later.state, 'locking');
    assert.equal(later.battery, 87);
  });
});

describe('commands that cannot be carried out', () => {
  test('an unknown id: 404 unknown_device, and it is written to the audit log', async () => {
    const lock = await join('front-door', 'Front door', confirm());
    await lock.settle('LOCKED');
    const answer = await command(hub, 'no-such-lock', 'unlock');
    assert.match(assertError(answer, 404, 'unknown_device'), /no-such-lock/);
    assert.equal(lock.commands.length, 0, 'no lock got a command');
    assert.equal(await stateOf(hub, 'front-door'), 'locked');
    const [entry] = await audit(hub);
    assert.equal(entry?.lockId, 'no-such-lock');
    assert.equal(entry?.result, 'unknown_device');
  });

  test('a pending lock (not approved) is not commanded: 404 unknown_device', async () => {
    const closed = await call(hub, 'POST', '/api/v1/permit-join', { json: { seconds: 0 } });
    assert.equal(closed.status, 200, JSON.stringify(closed.body));
    const pending = await connectDevice(hub.mqttUrl, 'new-lock');
    assert.equal(await pending.handShake('lock New lock'), 'pending');
    const answer = await command(hub, 'new-lock', 'unlock');
    assertError(answer, 404, 'unknown_device');
    assert.equal(await stateOf(hub, 'new-lock'), 'unknown');
    await pending.end();
  });

  test('a camera: 409 not_a_lock, and the camera receives nothing', async () => {
    const camera = await join('porch-cam', 'Porch camera', confirm(), 'camera');
    for (const word of ['lock', 'unlock', 'open'] as const) {
      const answer = await command(hub, 'porch-cam', word);
      const message = assertError(answer, 409, 'not_a_lock');
      assert.match(message, /not a lock/i);
    }
    await pause(300); // room for a stray command to arrive
    assert.deepEqual(camera.commands, []);
    assert.equal(await stateOf(hub, 'porch-cam'), 'unknown', 'it never reported a state');
  });

  test('a malformed id in the path: 400 invalid_input, without reaching any lock', async () => {
    const lock = await join('front-door', 'Front door', confirm());
    await lock.settle('UNLOCKED');
    for (const id of ['bad id with spaces!', 'x'.repeat(65), 'front-door/../x']) {
      const answer = await command(hub, id, 'lock');
      if (answer.status === 404) assertError(answer, 404, 'not_found');
      else assert.match(assertError(answer, 400, 'invalid_input'), /device id/);
    }
    assert.deepEqual(lock.commands, []);
    assert.equal(await stateOf(hub, 'front-door'), 'unlocked');
  });

  test('without a bearer token, or with a wrong one: 401 unauthorized, and the lock receives nothing', async () => {
    const lock = await join('front-door', 'Front door', confirm());
    await lock.settle('LOCKED');
    for (const token of [null, 'not-a-token']) {
      const answer = await call(hub, 'POST', '/api/v1/devices/front-door/unlock', { token });
      assertError(answer, 401, 'unauthorized');
    }
    await pause(300); // room for a stray command to arrive
    assert.deepEqual(lock.commands, []);
    assert.equal(await stateOf(hub, 'front-door'), 'locked');
  });
});
