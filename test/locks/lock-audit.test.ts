// The audit log (contract 2.4, 3.2 GET /audit): every command from every source, newest first,
// paged, exported, and kept across a restart, like the state each lock last reported.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import type { TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { connectToken } from '../helpers/mqtt.js';
import {
  assertError,
  audit,
  call,
  command,
  deviceView,
  startLockHub,
  waitFor,
  type AuditRow,
} from './lock-fixture.js';
import { answerWith, confirm, joinLock, type TestLock } from './test-lock.js';

let hub: TestHub | null = null;
let dataDir: string;
const locks: TestLock[] = [];
afterEach(async () => {
  for (const lock of locks.splice(0)) await lock.end();
  await hub?.close();
  hub = null;
  removeDir(dataDir);
});

async function setUp(): Promise<{ hub: TestHub; front: TestLock; back: TestLock }> {
  dataDir = makeTempDir('hearth-locks-');
  hub = await startLockHub({ dataDir });
  const front = await joinLock(hub, 'front-door', 'Front door', confirm({ battery: 81 }));
  const back = await joinLock(hub, 'back-door', 'Back door', confirm());
  locks.push(front, back);
  return { hub, front, back };
}

const FIELDS = ['at', 'lockId', 'command', 'source', 'actor', 'result', 'ms'] as const;

function assertEntryShape(entry: AuditRow): void {
  for (const field of FIELDS)
    assert.ok(entry[field] !== undefined, `${field} in ${JSON.stringify(entry)}`);
  assert.ok(!Number.isNaN(Date.parse(entry.at)), entry.at);
  assert.equal(typeof entry.ms, 'number');
  assert.ok(entry.ms >= 0);
}

test('every command from every source is in the audit log, newest first, with who asked and the outcome', async () => {
  const { hub, back } = await setUp();
  assert.equal((await command(hub, 'front-door', 'lock')).status, 200); // HTTP, one lock
  assert.equal((await call(hub, 'POST', '/api/v1/locks/unlock-all')).status, 200); // lock-all
  assert.equal((await call(hub, 'POST', '/test', { text: 'lock' })).status, 200); // original route
  const admin = await connectToken(hub.mqttUrl, hub.token);
  await admin.subscribeAsync('unlock', { qos: 1 });
  const replied = new Promise((resolve) => admin.once('message', resolve));
  await admin.publishAsync('hearth/action', 'unlock back-door', { qos: 1 }); // MQTT action
  await replied;
  await admin.endAsync();
  back.behaviour = answerWith('LOCKED');
  assertError(await command(hub, 'back-door', 'open'), 504, 'no_confirmation'); // a failure

  const entries = await audit(hub);
  assert.equal(entries.length, 7);
  entries.forEach(assertEntryShape);
  const seqs = entries.map((entry) => entry.seq);
  assert.deepEqual(
    seqs,
    [...seqs].sort((a, b) => b - a),
    'newest first',
  );
  const times = entries.map((entry) => Date.parse(entry.at));
  assert.deepEqual(
    times,
    [...times].sort((a, b) => b - a),
  );
  const rows = entries.map((entry) => [entry.lockId, entry.command, entry.source, entry.result]);
  assert.deepEqual(rows[0], ['back-door', 'OPEN', 'http', 'no_confirmation']);
  assert.deepEqual(rows[1], ['back-door', 'UNLOCK', 'mqtt', 'ok']);
  assert.deepEqual(
    rows.slice(2, 4).map((row) => row.slice(1)),
    [
      ['LOCK', 'http', 'ok'],
      ['LOCK', 'http', 'ok'],
    ],
  );
  assert.deepEqual(
    rows.slice(4, 6).map((row) => row.slice(1)),
    [
      ['UNLOCK', 'http', 'ok'],
      ['UNLOCK', 'http', 'ok'],
    ],
  );
  assert.deepEqual(rows[6], ['front-door', 'LOCK', 'http', 'ok']);
  assert.match(entries[0]!.message ?? '', /locked/i, 'a failure says what the lock last reported');
  assert.match(entries[1]!.actor, /token/, 'who asked');
  assert.match(entries[6]!.actor, /admin|token/);
});

test('paging with limit and before; bad paging values are refused', async () => {
  const { hub } = await setUp();
  for (const word of ['lock', 'unlock', 'lock', 'unlock', 'lock'] as const) {
    assert.equal((await command(hub, 'front-door', word)).status, 200);
  }
  const all = await audit(hub);
  assert.equal(all.length, 5);
  const first = await audit(hub, 'limit=2');
  assert.deepEqual(first, all.slice(0, 2));
  const second = await audit(hub, `limit=2&before=${first[1]!.seq}`);
  assert.deepEqual(second, all.slice(2, 4));
  const last = await audit(hub, `limit=2&before=${second[1]!.seq}`);
  assert.deepEqual(last, all.slice(4));
  for (const query of ['limit=0', 'limit=abc', 'limit=100000', 'before=-1']) {
    assertError(await call(hub, 'GET', `/api/v1/audit?${query}`), 400, 'invalid_input');
  }
  const exported = await checkedFetch(`${hub.httpUrl}/api/v1/audit/export`, {
    headers: { authorization: `Bearer ${hub.token}` },
  });
  assert.equal(exported.status, 200);
  const lines = (await exported.text()).trim().split('\n');
  assert.equal(lines.length, 5, 'the export is the whole log, one entry a line');
  assert.deepEqual(
    lines.map((line) => (JSON.parse(line) as AuditRow).seq),
    all.map((entry) => entry.seq).reverse(),
  );
  const bare = await checkedFetch(`${hub.httpUrl}/api/v1/audit`);
  assert.equal(bare.status, 401, 'the audit log needs a token');
});

test("the audit log and each lock's last reported state (with its time and battery) survive a restart", async () => {
  const { hub: first, front, back } = await setUp();
  assert.equal((await command(first, 'front-door', 'lock')).status, 200);
  await back.settle('UNLOCKED');
  await front.report('{"state":"LOCKED","battery":79}');
  await waitFor('battery 79', async () => (await deviceView(first, 'front-door')).battery === 79);
  const before = await audit(first);
  const frontBefore = await deviceView(first, 'front-door');
  assert.ok(frontBefore.stateAt, 'the state has its time');
  for (const lock of locks.splice(0)) await lock.end();
  await first.close();
  hub = await startLockHub({ dataDir });

  assert.deepEqual(await audit(hub), before, 'the same entries, in the same order');
  const frontAfter = await deviceView(hub, 'front-door');
  assert.equal(frontAfter.state, 'locked', 'as last reported');
  assert.equal(frontAfter.battery, 79);
  assert.equal(frontAfter.stateAt, frontBefore.stateAt, 'with the time it was reported');
  assert.equal(frontAfter.availability, 'offline', 'no lock is connected yet');
  assert.equal((await deviceView(hub, 'back-door')).state, 'unlocked');
  // Offline after the restart: refused at once, and that refusal is appended, not a new log.
  assertError(await command(hub, 'front-door', 'unlock'), 409, 'offline');
  const after = await audit(hub);
  assert.equal(after.length, before.length + 1);
  assert.ok(after[0]!.seq > before[0]!.seq, 'numbering goes on from where it was');
  assert.deepEqual(after.slice(1), before);
});
