// Locks that do not do as they are told (contract 2.4 and the bad input): offline,
// JAMMED, silence, a state it was not asked for, a stale retained state. Each gets its own error,
// and the state shown is only what the lock last truly reported.
import assert from 'node:assert/strict';
import { afterEach, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import {
  assertError,
  audit,
  call,
  command,
  deviceView,
  pause,
  setLockSettings,
  startLockHub,
  stateOf,
  SHORT_TIMEOUT_MS,
  waitFor,
} from './lock-fixture.js';
import { answerWith, confirm, jam, joinLock, silent, type TestLock } from './test-lock.js';

// A timeout far longer than the tests' safety net: an answer that should come "at once" and
// instead waits for it makes the request fail.
const LONG_TIMEOUT_MS = 60_000;
const AT_ONCE_SAFETY_MS = 10_000;

let hub: TestHub;
const locks: TestLock[] = [];
afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.end();
  await hub.close();
});
async function setUp(confirmTimeoutMs: number, behaviour = confirm()): Promise<TestLock> {
  hub = await startLockHub({ confirmTimeoutMs });
  const lock = await joinLock(hub, 'back-door', 'Back door', behaviour);
  locks.push(lock);
  return lock;
}

describe('offline', () => {
  test('a lock that dropped off: 409 offline at once; when it comes back it does not get the missed command', async () => {
    const lock = await setUp(LONG_TIMEOUT_MS);
    await lock.settle('LOCKED');
    await lock.powerCut();
    assert.equal((await deviceView(hub, 'back-door')).availability, 'offline');
    const answer = await command(hub, 'back-door', 'unlock', AT_ONCE_SAFETY_MS);
    const message = assertError(answer, 409, 'offline');
    assert.match(message, /offline/i);
    await lock.connect({ clean: false }); // even asking for a kept session
    await pause(500); // room for a queued message to arrive
    assert.deepEqual(lock.commands, [], 'the UNLOCK was never delivered');
    assert.equal(await stateOf(hub, 'back-door'), 'locked', 'the state it last reported');
    const [entry] = await audit(hub);
    assert.equal(entry?.result, 'offline');
    assert.equal(entry?.command, 'UNLOCK');
  });

  test('a clean disconnect counts as offline as well; nothing is queued for the next login', async () => {
    const lock = await setUp(LONG_TIMEOUT_MS);
    await lock.disconnect();
    for (const word of ['lock', 'unlock', 'open'] as const) {
      assertError(await command(hub, 'back-door', word, AT_ONCE_SAFETY_MS), 409, 'offline');
    }
    await lock.connect();
    await pause(500);
    assert.deepEqual(lock.commands, []);
    assert.equal(await stateOf(hub, 'back-door'), 'unknown', 'it never reported a state');
  });

  test('a lock still connected that says "offline" on its availability topic gets nothing', async () => {
    const lock = await setUp(LONG_TIMEOUT_MS);
    await lock.settle('UNLOCKED');
    await lock.announce('offline');
    await waitFor(
      'the hub to believe it',
      async () => (await deviceView(hub, 'back-door')).availability === 'offline',
    );
    assertError(await command(hub, 'back-door', 'lock', AT_ONCE_SAFETY_MS), 409, 'offline');
    await pause(300);
    assert.deepEqual(lock.commands, [], 'nothing was sent to it');
    assert.equal(await stateOf(hub, 'back-door'), 'unlocked');
  });
});

describe('jammed', () => {
  test('JAMMED fails the command at once with 409 jammed; the lock shows jammed', async () => {
    const lock = await setUp(LONG_TIMEOUT_MS, jam);
    await lock.settle('UNLOCKED');
    const answer = await command(hub, 'back-door', 'lock', AT_ONCE_SAFETY_MS);
    const message = assertError(answer, 409, 'jammed');
    assert.match(message, /jammed/i);
    assert.equal(await stateOf(hub, 'back-door'), 'jammed');
    assert.deepEqual(lock.commands, ['LOCK']);
    const [entry] = await audit(hub);
    assert.equal(entry?.result, 'jammed');
    assert.equal(entry?.state, 'jammed');
  });
});

describe('no confirmation', () => {
  test('a silent lock: 504 no_confirmation after the timeout; the message says what it last reported', async () => {
    const lock = await setUp(SHORT_TIMEOUT_MS, silent);
    await lock.settle('UNLOCKED');
    const answer = await command(hub, 'back-door', 'lock');
    const message = assertError(answer, 504, 'no_confirmation');
    assert.match(message, /unlocked/i, 'names the last reported state');
    assert.deepEqual(lock.commands, ['LOCK'], 'the command was sent once');
    assert.equal(await stateOf(hub, 'back-door'), 'unlocked');
  });

  test('a lock that answers a state it was not asked for: 504, and it shows that state', async () => {
    const lock = await setUp(SHORT_TIMEOUT_MS, answerWith('UNLOCKED'));
    await lock.settle('LOCKED');
    const answer = await command(hub, 'back-door', 'lock');
    const message = assertError(answer, 504, 'no_confirmation');
    assert.match(message, /\bunlocked\b/i);
    assert.equal(await stateOf(hub, 'back-door'), 'unlocked', 'what it truly reported');
    lock.behaviour = answerWith('UNLOCKING');
    assertError(await command(hub, 'back-door', 'open'), 504, 'no_confirmation');
    assert.equal(await stateOf(hub, 'back-door'), 'unlocking');
  });

  test('a retained old LOCKED confirms nothing: only a report after the command counts', async () => {
    const lock = await setUp(SHORT_TIMEOUT_MS, silent);
    await lock.settle('LOCKED'); // retained on the broker from before the command
    const answer = await command(hub, 'back-door', 'lock');
    const message = assertError(answer, 504, 'no_confirmation');
    assert.match(message, /\blocked\b/i);
    // The lock repeats its old report after the command has failed: it changes nothing late.
    await lock.report('LOCKED');
    const [entry] = await audit(hub);
    assert.equal(entry?.result, 'no_confirmation');
    assert.equal(await stateOf(hub, 'back-door'), 'locked');
  });

  test('a LOCKED that arrives after the timeout does not turn the failure into a success', async () => {
    const lock = await setUp(SHORT_TIMEOUT_MS, confirm({ delayMs: SHORT_TIMEOUT_MS + 600 }));
    await lock.settle('UNLOCKED');
    assertError(await command(hub, 'back-door', 'lock'), 504, 'no_confirmation');
    await waitFor('the late LOCKED', async () => (await stateOf(hub, 'back-door')) === 'locked');
    const entries = (await audit(hub)).filter((entry) => entry.lockId === 'back-door');
    assert.deepEqual(
      entries.map((entry) => entry.result),
      ['no_confirmation'],
      'one command, one audit entry, still failed',
    );
  });

  test('the timeout is a setting, and the default is 5 s', async () => {
    const lock = await setUp(SHORT_TIMEOUT_MS, silent);
    await lock.settle('UNLOCKED');
    const settings = await call(hub, 'GET', '/api/v1/settings');
    assert.equal(settings.body.locks.confirmTimeoutMs, SHORT_TIMEOUT_MS);
    await setLockSettings(hub, { confirmTimeoutMs: 1_200 });
    const answer = await command(hub, 'back-door', 'lock');
    assert.match(assertError(answer, 504, 'no_confirmation'), /1200 ?ms|1\.2 ?s/);
    assert.equal(await stateOf(hub, 'back-door'), 'unlocked');
    const other = await startTestHub();
    try {
      const defaults = await call(other, 'GET', '/api/v1/settings');
      assert.equal(defaults.body.locks.confirmTimeoutMs, 5_000);
      const refused = await call(other, 'PATCH', '/api/v1/settings', {
        json: { locks: { confirmTimeoutMs: -1 } },
      });
      assertError(refused, 400, 'invalid_input');
      const kept = await call(other, 'GET', '/api/v1/settings');
      assert.equal(kept.body.locks.confirmTimeoutMs, 5_000, 'a refused setting changes nothing');
    } finally {
      await other.close();
    }
  });
});
