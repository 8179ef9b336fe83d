// "Door left unlocked" (issue 12's notification, the phone's webhook and the panel's warnings
// all start here): a lock unlocked longer than `locks.warnUnlockedAfterMinutes` raises
// `unlocked_too_long`; locking it clears the warning. Tests use 0.02 min = 1.2 s.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import {
  assertError,
  call,
  command,
  pause,
  setLockSettings,
  startLockHub,
  waitFor,
  watchEvents,
} from './lock-fixture.js';
import { confirm, joinLock, type TestLock } from './test-lock.js';

const WARN_MINUTES = 0.02;
const WARN_WAIT_MS = 10_000; // safety net for 1.2 s

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'back-door', 'Back door', confirm());
  await lock.settle('LOCKED');
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

const warningsNow = async (): Promise<Array<{ code: string; message: string }>> =>
  (await call(hub, 'GET', '/api/v1/status')).body.warnings;

test('unlocked longer than the setting: warned once, named; locking it clears the warning', async () => {
  await setLockSettings(hub, { warnUnlockedAfterMinutes: WARN_MINUTES });
  const watcher = await watchEvents(hub, 'warning');
  assert.equal((await command(hub, 'back-door', 'unlock')).status, 200);
  const warning = await waitFor(
    'the unlocked_too_long warning',
    () => watcher.seen.find((event) => event.data.code === 'unlocked_too_long'),
    WARN_WAIT_MS,
  );
  assert.match(String(warning.data.message), /^Back door has been unlocked for more than 1 s/);
  assert.equal(
    (await warningsNow()).filter((w) => w.code === 'unlocked_too_long').length,
    1,
    'listed once among the warnings the panel shows',
  );
  assert.deepEqual(lock.commands, ['UNLOCK'], 'a warning only: nothing is locked by it');

  assert.equal((await command(hub, 'back-door', 'lock')).status, 200);
  await waitFor('the warning cleared', async () =>
    (await warningsNow()).every((w) => w.code !== 'unlocked_too_long'),
  );
  await watcher.end();
});

test('locked again in time: no warning; 0 turns the watch off; a bad value is refused', async () => {
  await setLockSettings(hub, { warnUnlockedAfterMinutes: WARN_MINUTES });
  assert.equal((await command(hub, 'back-door', 'unlock')).status, 200);
  assert.equal((await command(hub, 'back-door', 'lock')).status, 200);
  await setLockSettings(hub, { warnUnlockedAfterMinutes: 0 });
  assert.equal((await command(hub, 'back-door', 'unlock')).status, 200);
  await pause(2_000); // longer than the 1.2 s it would have taken
  assert.deepEqual(
    (await warningsNow()).filter((w) => w.code === 'unlocked_too_long'),
    [],
  );
  for (const bad of [-1, 'soon', 100_000]) {
    const refused = await call(hub, 'PATCH', '/api/v1/settings', {
      json: { locks: { warnUnlockedAfterMinutes: bad } },
    });
    assertError(refused, 400, 'invalid_input');
  }
  assert.equal((await call(hub, 'GET', '/api/v1/settings')).body.locks.warnUnlockedAfterMinutes, 0);
});
