// POST /api/v1/locks/lock-all and /unlock-all (contract 2.4, 3.2): every lock at once, in ONE
// answer, with each lock's own result and a summary a person reads.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import { audit, call, startLockHub, stateOf } from './lock-fixture.js';
import {
  assertHouseLocked,
  assertHouseShown,
  assertSummary,
  buildHouse,
  LOCK_IDS,
  type House,
} from './house-of-locks.js';
import { confirm, jam } from './test-lock.js';

let hub: TestHub;
let house: House;
beforeEach(async () => {
  hub = await startLockHub();
  house = await buildHouse(hub);
});
afterEach(async () => {
  await house.end();
  await hub.close();
});

test('lock-all over locks that succeed, jam, stay silent and are offline: one answer with every result', async () => {
  const answer = await call(hub, 'POST', '/api/v1/locks/lock-all');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.deepEqual(Object.keys(answer.body).sort(), ['results', 'summary']);
  assertHouseLocked(answer.body);
  await assertHouseShown(hub);
  assert.deepEqual(house.front.commands, ['LOCK']);
  assert.deepEqual(house.back.commands, ['LOCK']);
  assert.deepEqual(house.garage.commands, ['LOCK']);
  assert.deepEqual(house.shed.commands, [], 'offline: not sent');
  assert.deepEqual(house.camera.commands, [], 'a camera is not a lock');
  const entries = (await audit(hub)).slice(0, 4);
  assert.deepEqual(
    entries.map((entry) => [entry.lockId, entry.command, entry.result]).sort(),
    [
      ['back-door', 'LOCK', 'jammed'],
      ['front-door', 'LOCK', 'ok'],
      ['garage', 'LOCK', 'no_confirmation'],
      ['shed', 'LOCK', 'offline'],
    ],
    'one audit entry per lock',
  );
});

test('unlock-all reports the same way, with UNLOCK sent to each lock that is online', async () => {
  await house.front.settle('LOCKED');
  await house.back.settle('LOCKED');
  await house.garage.settle('LOCKED');
  const answer = await call(hub, 'POST', '/api/v1/locks/unlock-all');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  const byId = new Map(
    (answer.body.results as Array<{ id: string; ok: boolean; state: string; error: string }>).map(
      (result) => [result.id, result],
    ),
  );
  assert.deepEqual([...byId.keys()].sort(), [...LOCK_IDS].sort());
  assert.deepEqual(byId.get('front-door'), {
    id: 'front-door',
    ok: true,
    state: 'unlocked',
    error: null,
  });
  assert.equal(byId.get('back-door')?.error, 'jammed');
  assert.equal(byId.get('garage')?.error, 'no_confirmation');
  assert.equal(byId.get('garage')?.state, 'locked', 'what it last reported');
  assert.equal(byId.get('shed')?.error, 'offline');
  assertSummary(answer.body.summary, 'unlocked');
  assert.deepEqual(house.front.commands, ['UNLOCK']);
  assert.deepEqual(house.shed.commands, []);
  assert.equal(await stateOf(hub, 'garage'), 'locked');
});

test('when every lock confirms, the summary says so and names no problem', async () => {
  await house.shed.connect();
  house.back.behaviour = confirm();
  house.garage.behaviour = confirm();
  const answer = await call(hub, 'POST', '/api/v1/locks/lock-all');
  assert.equal(answer.status, 200, JSON.stringify(answer.body));
  assert.match(answer.body.summary, /\b4 of 4 locked\b/);
  assert.doesNotMatch(answer.body.summary, /jammed|offline|confirm/i);
  for (const result of answer.body.results) assert.equal(result.ok, true);
  for (const id of LOCK_IDS) assert.equal(await stateOf(hub, id), 'locked');
});

test('a lock-all while a single command is in flight supersedes it, and says so for that lock only', async () => {
  house.back.behaviour = jam;
  await call(hub, 'PATCH', '/api/v1/settings', { json: { locks: { confirmTimeoutMs: 3_000 } } });
  const single = call(hub, 'POST', '/api/v1/devices/garage/unlock');
  await house.garage.received(1);
  house.garage.behaviour = confirm();
  const all = await call(hub, 'POST', '/api/v1/locks/lock-all');
  const first = await single;
  assert.equal(first.status, 409, JSON.stringify(first.body));
  assert.equal(first.body.error.code, 'superseded');
  const garage = (all.body.results as Array<{ id: string; ok: boolean }>).find(
    (result) => result.id === 'garage',
  );
  assert.equal(garage?.ok, true);
  assert.equal(await stateOf(hub, 'garage'), 'locked');
});
