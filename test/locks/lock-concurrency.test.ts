// Two or fifty commands in flight for one lock (the concurrency bullet): the later
// wins, the earlier answers 409 superseded, nothing hangs, and the final state is the last
// confirmed command.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import {
  assertError,
  audit,
  command,
  setLockSettings,
  startLockHub,
  stateOf,
  waitFor,
  type Answer,
  type LockCommand,
} from './lock-fixture.js';
import {
  confirm,
  inTurn,
  joinLock,
  silent,
  TARGET,
  type Command,
  type TestLock,
} from './test-lock.js';

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'front-door', 'Front door', confirm());
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

test('a later command supersedes one still in flight: 409 superseded for the first, 200 for the second', async () => {
  await setLockSettings(hub, { confirmTimeoutMs: 5_000 });
  await lock.settle('UNLOCKED');
  // The first LOCK is not answered; the UNLOCK that follows is.
  lock.behaviour = inTurn(silent, confirm({ transition: true }));
  const first = command(hub, 'front-door', 'lock');
  await lock.received(1);
  const second = command(hub, 'front-door', 'unlock');
  const [a, b] = await Promise.all([first, second]);
  assert.match(assertError(a, 409, 'superseded'), /newer|superseded|replaced/i);
  assert.equal(b.status, 200, JSON.stringify(b.body));
  assert.equal(b.body.state, 'unlocked');
  assert.deepEqual(lock.commands, ['LOCK', 'UNLOCK']);
  assert.equal(await stateOf(hub, 'front-door'), 'unlocked');
  const entries = (await audit(hub)).slice(0, 2);
  assert.deepEqual(entries.map((entry) => [entry.command, entry.result]).sort(), [
    ['LOCK', 'superseded'],
    ['UNLOCK', 'ok'],
  ]);
});

test('a late confirmation of the superseded command does not confirm the newer one', async () => {
  await lock.settle('LOCKED');
  // LOCK stays unanswered until the UNLOCK is in flight; then the lock reports LOCKED (the old
  // command's target) and nothing else.
  lock.behaviour = inTurn(silent, () => [{ payload: 'LOCKED' }]);
  const first = command(hub, 'front-door', 'lock');
  await lock.received(1);
  const second = command(hub, 'front-door', 'unlock');
  const [a, b] = await Promise.all([first, second]);
  assertError(a, 409, 'superseded');
  assert.match(assertError(b, 504, 'no_confirmation'), /\blocked\b/i);
  assert.equal(await stateOf(hub, 'front-door'), 'locked');
});

test('fifty concurrent alternating lock/unlock calls all end with a definite answer; the final state is the last confirmed command', async () => {
  await setLockSettings(hub, { confirmTimeoutMs: 10_000 });
  await lock.settle('UNLOCKED');
  lock.behaviour = (word, index) =>
    confirm({ transition: index % 3 === 0, delayMs: index % 7 })(word, index);
  const words = Array.from(
    { length: 50 },
    (_, i) => (i % 2 === 0 ? 'lock' : 'unlock') as LockCommand,
  );
  const answers: Answer[] = await Promise.all(
    words.map((word) => command(hub, 'front-door', word, 60_000)),
  );
  for (const answer of answers) {
    if (answer.status === 200) {
      assert.ok(['locked', 'unlocked'].includes(answer.body.state), JSON.stringify(answer.body));
    } else {
      assertError(answer, 409, 'superseded');
    }
  }
  assert.equal(lock.commands.length, 50, 'each call reached the lock once');
  const confirmed = answers.filter((answer) => answer.status === 200);
  assert.ok(confirmed.length >= 1, 'at least the last one wins');
  // Let the lock finish answering the queue it was sent, then compare.
  // The lock has sent every report it owed; the hub must come to show its last word.
  await lock.idle();
  const last = lock.commands.at(-1)!.toUpperCase() as Command;
  const finalState = TARGET[last].toLowerCase();
  await waitFor(
    `the hub to show ${finalState}`,
    async () => (await stateOf(hub, 'front-door')) === finalState,
  );
  const entries = (await audit(hub)).filter((entry) => entry.source !== 'auto-relock');
  const fifty = entries.slice(0, 50);
  assert.equal(fifty.length, 50, 'every call is in the audit log');
  for (const entry of fifty) assert.ok(['ok', 'superseded'].includes(entry.result), entry.result);
  assert.equal(
    fifty.filter((entry) => entry.result === 'ok').length,
    confirmed.length,
    'the audit log agrees with the answers',
  );
  const lastOk = fifty.find((entry) => entry.result === 'ok')!;
  assert.equal(lastOk.command, last, 'the newest confirmed command is the last one sent');
  assert.equal(TARGET[lastOk.command as Command].toLowerCase(), finalState);
  assert.equal(
    confirmed.filter((answer) => answer.body.state === finalState).length >= 1,
    true,
    'the final state was answered 200 to someone',
  );
});
