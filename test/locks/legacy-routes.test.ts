// The original hub's routes (contract 3.1): POST /lock, POST /unlock and POST /test with a body
// of `lock` or `unlock` (text or JSON). They need the bearer token; any other body is a 400
// and no lock gets a command.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import { assertError, audit, call, startLockHub } from './lock-fixture.js';
import {
  assertHouseLocked,
  assertHouseShown,
  assertHouseUntouched,
  assertNoCommands,
  assertSummary,
  buildHouse,
  type House,
} from './house-of-locks.js';

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

describe('POST /lock and /unlock', () => {
  test('POST /lock answers like lock-all, lock by lock', async () => {
    const answer = await call(hub, 'POST', '/lock');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assertHouseLocked(answer.body);
    await assertHouseShown(hub);
    assert.equal((await audit(hub)).length, 4, 'written to the audit log like any command');
  });

  test('POST /unlock answers like unlock-all', async () => {
    await house.front.settle('LOCKED');
    const answer = await call(hub, 'POST', '/unlock');
    assert.equal(answer.status, 200, JSON.stringify(answer.body));
    assertSummary(answer.body.summary, 'unlocked');
    assert.deepEqual(house.front.commands, ['UNLOCK']);
  });

  test('without the bearer token (or with a wrong one): 401, and no lock gets a command', async () => {
    for (const path of ['/lock', '/unlock', '/test']) {
      const bare = await call(hub, 'POST', path, { text: 'unlock', token: null });
      assert.equal(bare.status, 401, `${path}: ${JSON.stringify(bare.body)}`);
      assert.ok(bare.body.error?.code, JSON.stringify(bare.body));
      const wrong = await call(hub, 'POST', path, { text: 'unlock', token: 'not-the-token' });
      assert.equal(wrong.status, 401);
    }
    await assertNoCommands(house);
    await assertHouseUntouched(hub);
    assert.deepEqual(await audit(hub), []);
  });
});

describe('POST /test', () => {
  const accepted: Array<[string, { text?: string; json?: unknown }, 'LOCK' | 'UNLOCK']> = [
    ['text lock', { text: 'lock' }, 'LOCK'],
    ['text UNLOCK with a newline', { text: 'UNLOCK\n' }, 'UNLOCK'],
    ['JSON {"command":"lock"}', { json: { command: 'lock' } }, 'LOCK'],
    ['JSON {"command":"unlock"}', { json: { command: 'unlock' } }, 'UNLOCK'],
    ['a JSON string "lock"', { json: 'lock' }, 'LOCK'],
  ];
  for (const [name, body, sent] of accepted) {
    test(`${name}: does that to all locks, with the lock-all answer`, async () => {
      const answer = await call(hub, 'POST', '/test', body);
      assert.equal(answer.status, 200, JSON.stringify(answer.body));
      assert.equal(answer.body.results.length, 4);
      assertSummary(answer.body.summary, sent === 'LOCK' ? 'locked' : 'unlocked');
      assert.deepEqual(house.front.commands, [sent]);
      assert.deepEqual(house.camera.commands, []);
    });
  }

  const refused: Array<
    [string, { text?: string; json?: unknown; contentType?: string }, number, string]
  > = [
    ['empty text', { text: '' }, 400, 'invalid_command'],
    ['text open', { text: 'open' }, 400, 'invalid_command'],
    ['text "lock unlock"', { text: 'lock unlock' }, 400, 'invalid_command'],
    ['text "unlock; rm -rf /"', { text: 'unlock; rm -rf /' }, 400, 'invalid_command'],
    ['JSON {"command":"open"}', { json: { command: 'open' } }, 400, 'invalid_command'],
    ['JSON {"command":["lock"]}', { json: { command: ['lock'] } }, 400, 'invalid_command'],
    ['JSON {"cmd":"lock"}', { json: { cmd: 'lock' } }, 400, 'invalid_command'],
    ['JSON ["lock"]', { json: ['lock'] }, 400, 'invalid_command'],
    ['JSON null', { json: null }, 400, 'invalid_command'],
    [
      'broken JSON',
      { text: '{"command":"lock"', contentType: 'application/json' },
      400,
      'invalid_json',
    ],
    [
      'an octet-stream body',
      { text: 'lock', contentType: 'application/octet-stream' },
      400,
      'invalid_command',
    ],
    // Larger than the route's small body limit: refused before it is read as a word.
    ['a 100 kB body', { text: 'lock'.padEnd(100_000, ' x') }, 413, 'payload_too_large'],
  ];
  for (const [name, body, status, code] of refused) {
    test(`${name}: ${status} ${code}, and no lock gets a command`, async () => {
      const answer = await call(hub, 'POST', '/test', body);
      const message = assertError(answer, status, code);
      if (code === 'invalid_command') assert.match(message, /lock.*unlock/);
      await assertNoCommands(house);
      await assertHouseUntouched(hub);
      assert.deepEqual(await audit(hub), [], 'nothing was commanded');
    });
  }
});
