// Garbage on a lock's state topic, a 1 MB report, words that are not lock states, and an old
// command replayed on the lock's `set` topic by someone other than the hub: none of them
// confirms a command or changes what the lock is shown to be.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import { connectToken } from '../helpers/mqtt.js';
import {
  activity,
  assertError,
  command,
  deviceView,
  pause,
  startLockHub,
  stateOf,
  waitFor,
} from './lock-fixture.js';
import { answerWith, confirm, joinLock, type TestLock } from './test-lock.js';

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'front-door', 'Front door', confirm());
  await lock.report('{"state":"UNLOCKED","battery":64}');
  await waitFor('unlocked', async () => (await stateOf(hub, 'front-door')) === 'unlocked');
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

const badReports = async (): Promise<number> =>
  (await activity(hub)).filter((entry) => entry.kind === 'bad_state_report').length;

test('garbage in answer to a command: 504 no_confirmation; state and battery stay as last truly reported', async () => {
  const garbage = [
    'LOCKED!!',
    '{"state":',
    '{"state":"LOCKED","battery":500}',
    '{"state":5}',
    '["LOCKED"]',
    Buffer.from([0xff, 0xfe, 0x00, 0x4c]),
    'LOCKED LOCKED',
  ];
  lock.behaviour = answerWith(...garbage);
  const answer = await command(hub, 'front-door', 'lock');
  assert.match(assertError(answer, 504, 'no_confirmation'), /unlocked/i);
  const shown = await deviceView(hub, 'front-door');
  assert.equal(shown.state, 'unlocked');
  assert.equal(shown.battery, 64);
  assert.equal(shown.availability, 'online', 'the hub still listens to it');
  await waitFor('the bad reports in the activity history', async () => (await badReports()) > 0);
  lock.behaviour = confirm();
  const after = await command(hub, 'front-door', 'lock');
  assert.equal(after.status, 200, 'the lock still works afterwards');
  assert.equal(after.body.state, 'locked');
});

test('a 1 MB state report confirms nothing and is not stored; the hub stays up', async () => {
  const huge = Buffer.alloc(1024 * 1024, 'L');
  huge.write('LOCKED', 0);
  lock.behaviour = answerWith(huge);
  const answer = await command(hub, 'front-door', 'lock');
  assert.match(assertError(answer, 504, 'no_confirmation'), /unlocked/i);
  assert.equal(await stateOf(hub, 'front-door'), 'unlocked');
  const jsonHuge = JSON.stringify({ state: 'LOCKED', battery: 50, pad: 'x'.repeat(1024 * 1024) });
  lock.behaviour = answerWith(jsonHuge);
  assertError(await command(hub, 'front-door', 'lock'), 504, 'no_confirmation');
  const shown = await deviceView(hub, 'front-door');
  assert.equal(shown.state, 'unlocked');
  assert.equal(shown.battery, 64);
  const listed = await fetch(`${hub.httpUrl}/api/v1/devices`, {
    headers: { authorization: `Bearer ${hub.token}` },
  });
  assert.ok((await listed.text()).length < 64 * 1024, 'the megabyte is not in the device list');
  assert.ok((await badReports()) > 0);
});

test('a word that is not a lock state confirms nothing and does not become the state shown', async () => {
  lock.behaviour = answerWith('BANANA', 'OPENED', 'unlocked_');
  const answer = await command(hub, 'front-door', 'lock');
  assertError(answer, 504, 'no_confirmation');
  const state = await stateOf(hub, 'front-door');
  assert.ok(
    ['locked', 'unlocked', 'locking', 'unlocking', 'jammed', 'unknown'].includes(state),
    `the API shows a lock state, not "${state}"`,
  );
  assert.equal(state, 'unlocked', 'only what the lock last truly reported');
});

test('an UNLOCK replayed on the set topic by a token client never reaches the lock', async () => {
  await lock.settle('LOCKED');
  const replayer = await connectToken(hub.mqttUrl, hub.token);
  replayer.on('error', () => undefined);
  replayer.publish('hearth/devices/front-door/set', 'UNLOCK', { qos: 0 });
  await pause(500); // room for it to arrive, if it were let through
  await replayer.endAsync(true).catch(() => undefined);
  assert.deepEqual(lock.commands, [], 'only the hub writes a lock command');
  assert.equal(await stateOf(hub, 'front-door'), 'locked');
});

test('another device cannot report a state for the lock', async () => {
  const intruder = await joinLock(hub, 'hall-sensor', 'Hall sensor', confirm(), 'sensor');
  await lock.settle('LOCKED');
  intruder.publishAnywhere('hearth/devices/front-door/state', 'UNLOCKED', true);
  await pause(300); // room for it to arrive, if it were let through
  assert.equal(await stateOf(hub, 'front-door'), 'locked');
  await intruder.end();
});
