// Auto-relock (the last bullet): off by default; per lock, N minutes after an unlock the
// hub locks it again through the same service and audit log, and warns `unlocked_too_long`
// when it cannot. Tests use a fraction of a minute (0.02 min = 1.2 s).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import {
  activity,
  assertError,
  audit,
  call,
  command,
  pause,
  setLockSettings,
  startLockHub,
  stateOf,
  waitFor,
  watchEvents,
} from './lock-fixture.js';
import { confirm, inTurn, joinLock, silent, type TestLock } from './test-lock.js';

const RELOCK_MINUTES = 0.02;
const RELOCK_WAIT_MS = 10_000; // safety net for 1.2 s + confirmation

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'front-door', 'Front door', confirm());
  await lock.settle('LOCKED');
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

test('after an unlock the hub locks the door again by itself; the audit log says auto-relock', async () => {
  await setLockSettings(hub, { autoRelock: { 'front-door': RELOCK_MINUTES } });
  const unlocked = await command(hub, 'front-door', 'unlock');
  assert.equal(unlocked.status, 200, JSON.stringify(unlocked.body));
  await lock.received(2, RELOCK_WAIT_MS);
  assert.deepEqual(lock.commands, ['UNLOCK', 'LOCK']);
  await waitFor('locked again', async () => (await stateOf(hub, 'front-door')) === 'locked');
  const [relock, unlock] = await waitFor('the relock in the audit log', async () => {
    const entries = await audit(hub);
    return entries.length >= 2 && entries;
  });
  assert.deepEqual(
    [relock?.lockId, relock?.command, relock?.source, relock?.result],
    ['front-door', 'LOCK', 'auto-relock', 'ok'],
  );
  assert.equal(unlock?.source, 'http');
  assert.ok(relock?.actor, 'the hub is named as who asked');
});

test('an unlock by hand at the door (reported, not commanded) is relocked as well', async () => {
  await setLockSettings(hub, { autoRelock: { 'front-door': RELOCK_MINUTES } });
  await lock.settle('UNLOCKED');
  await lock.received(1, RELOCK_WAIT_MS);
  assert.deepEqual(lock.commands, ['LOCK']);
  await waitFor('locked again', async () => (await stateOf(hub, 'front-door')) === 'locked');
});

test('when it cannot lock again (silent lock): a warning unlocked_too_long, and the state stays unlocked', async () => {
  await setLockSettings(hub, { autoRelock: { 'front-door': RELOCK_MINUTES } });
  const watcher = await watchEvents(hub, 'warning');
  lock.behaviour = inTurn(confirm(), silent);
  assert.equal((await command(hub, 'front-door', 'unlock')).status, 200);
  const warning = await waitFor(
    'the unlocked_too_long warning',
    () => watcher.seen.find((event) => event.data.code === 'unlocked_too_long'),
    RELOCK_WAIT_MS,
  );
  assert.equal(warning.type, 'warning');
  assert.match(String(warning.data.message), /front door/i, 'names the lock');
  assert.deepEqual(lock.commands, ['UNLOCK', 'LOCK']);
  assert.equal(await stateOf(hub, 'front-door'), 'unlocked', 'only what it reported');
  const [relock] = await audit(hub);
  assert.deepEqual(
    [relock?.command, relock?.source, relock?.result],
    ['LOCK', 'auto-relock', 'no_confirmation'],
  );
  const history = await activity(hub);
  assert.ok(
    history.some((entry) => entry.kind === 'warning' && /front door/i.test(entry.message)),
    'the warning is kept in the activity history',
  );
  await watcher.end();
});

test('off by default: an unlocked door stays unlocked; a bad setting is refused', async () => {
  const settings = await call(hub, 'GET', '/api/v1/settings');
  assert.deepEqual(settings.body.locks.autoRelock, {});
  assert.equal((await command(hub, 'front-door', 'unlock')).status, 200);
  await pause(1_800); // longer than a 0.02 min relock would take
  assert.deepEqual(lock.commands, ['UNLOCK']);
  assert.equal(await stateOf(hub, 'front-door'), 'unlocked');
  for (const bad of [{ 'front-door': -1 }, { 'front-door': 'soon' }, { 'bad id!': 1 }]) {
    const refused = await call(hub, 'PATCH', '/api/v1/settings', {
      json: { locks: { autoRelock: bad } },
    });
    assertError(refused, 400, 'invalid_input');
  }
  assert.deepEqual((await call(hub, 'GET', '/api/v1/settings')).body.locks.autoRelock, {});
});
