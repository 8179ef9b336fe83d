// What the hub writes carries a code and its parameters beside its English, so the panel can
// say it in the family's words and language; the English is made from the same code and
// parameters. A real hub, real devices over MQTT, a real paired phone, real HTTP.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { activityMessages } from '../../src-main/shared/messages/activity.js';
import { builtInActionNames } from '../../src-main/shared/messages/built-in-actions.js';
import { warningMessages } from '../../src-main/shared/messages/warnings.js';
import { connectDevice } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { call, watchEvents, waitFor } from '../locks/lock-fixture.js';
import { confirm, joinLock, type TestLock } from '../locks/test-lock.js';

// Loose on purpose: each test asserts the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

let hub: TestHub;
const locks: TestLock[] = [];
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  for (const lock of locks) await lock.end();
  await hub?.close();
});

const history = async (): Promise<Json[]> =>
  (await call(hub, 'GET', '/api/v1/activity?limit=500')).body.entries;

const base64 = (text: string): string => Buffer.from(text).toString('base64');

describe('what the hub writes carries a code and its parameters', () => {
  test('a device asks to join and is approved: who asked is the device, by name', async () => {
    const device = await connectDevice(hub.mqttUrl, 'door1');
    assert.equal(await device.handShake('lock Front door'), 'pending');
    await device.end();
    assert.equal((await call(hub, 'POST', '/api/v1/devices/door1/approve')).status, 200);

    const entries = await waitFor('both entries', async () => {
      const all = await history();
      const asked = all.find((entry) => entry.code === 'device_pending');
      const approved = all.find((entry) => entry.code === 'device_joined');
      return asked && approved && { asked, approved };
    });
    assert.equal(entries.asked.kind, 'device_pending');
    assert.deepEqual(entries.asked.params, { name: 'Front door', id: 'door1' });
    assert.deepEqual(entries.asked.by, { kind: 'device', id: 'door1', name: 'Front door' });
    assert.equal(entries.asked.message, 'Front door (door1) asks to join');
    assert.equal(entries.asked.message, activityMessages.device_pending.en(entries.asked.params));
    assert.equal(entries.approved.kind, 'device_joined');
    assert.deepEqual(entries.approved.params, { name: 'Front door', id: 'door1' });
  });

  test('a lock locked by a paired phone names the phone, never its token id or transport', async () => {
    const code = (await call(hub, 'POST', '/api/v1/pairing-codes')).body.code as string;
    const paired = await call(hub, 'POST', '/api/v1/pair', {
      json: { code, name: "Anna's phone" },
      token: null,
    });
    assert.equal(paired.status, 200, JSON.stringify(paired.body));
    assert.equal(
      (await call(hub, 'POST', '/api/v1/permit-join', { json: { seconds: 60 } })).status,
      200,
    );
    locks.push(await joinLock(hub, 'gate', 'Garden gate', confirm()));
    const events = await watchEvents(hub, 'lock_command');
    try {
      const locked = await call(hub, 'POST', '/api/v1/devices/gate/lock', {
        token: paired.body.token,
      });
      assert.equal(locked.status, 200, JSON.stringify(locked.body));
      const byOwner = await call(hub, 'POST', '/api/v1/devices/gate/unlock');
      assert.equal(byOwner.status, 200, JSON.stringify(byOwner.body));

      const [unlock, lock] = (await call(hub, 'GET', '/api/v1/audit?limit=2')).body.entries;
      assert.deepEqual(lock.by, { kind: 'token', name: "Anna's phone" });
      assert.deepEqual(unlock.by, { kind: 'owner' });
      const seen = await waitFor('both lock_command events', () =>
        events.seen.length >= 2 ? events.seen : null,
      );
      assert.deepEqual(seen[0]!.data.by, { kind: 'token', name: "Anna's phone" });
      assert.ok(!JSON.stringify(lock.by).includes(paired.body.id), 'no token id in `by`');
    } finally {
      await events.end();
    }
  });

  test('an action file with a syntax error: file_invalid with the engine’s own words', async () => {
    const events = await watchEvents(hub, 'action_error');
    try {
      const uploaded = await call(hub, 'POST', '/api/v1/actions', {
        json: { file: 'broken.mjs', contentBase64: base64('export function greet( {\n') },
      });
      assert.equal(uploaded.status, 200, JSON.stringify(uploaded.body));
      assert.equal(uploaded.body.status, 'invalid');
      assert.equal(uploaded.body.problem.problem, 'file_invalid');
      assert.equal(uploaded.body.problem.params.file, 'broken.mjs');
      assert.match(uploaded.body.problem.params.error, /SyntaxError/);
      assert.equal(uploaded.body.error, uploaded.body.problem.params.error);

      const event = await waitFor('the action_error event', () => events.seen[0]);
      assert.equal(event.data.code, 'action_file', 'the coarse code clients match on is kept');
      assert.equal(event.data.problem, 'file_invalid');
      assert.deepEqual(event.data.params, uploaded.body.problem.params);
      assert.equal(event.data.message, `broken.mjs: ${uploaded.body.error}`);
      const entry = await waitFor('the history entry', async () =>
        (await history()).find((each) => each.code === 'file_invalid'),
      );
      assert.equal(entry.kind, 'action_error');
      assert.deepEqual(entry.params, event.data.params);
    } finally {
      await events.end();
    }
  });

  test('a setting that raises a warning: its code, no parameters, English from the code', async () => {
    const patch = (on: boolean) =>
      call(hub, 'PATCH', '/api/v1/settings', { json: { devices: { allowWithoutSecret: on } } });
    assert.equal((await patch(true)).status, 200);
    try {
      const warnings = (await call(hub, 'GET', '/api/v1/status')).body.warnings as Json[];
      const warning = warnings.find((each) => each.code === 'devices_without_secret');
      assert.deepEqual(warning?.params, {});
      assert.equal(warning.message, warningMessages.devices_without_secret.en({}));
      const entry = (await history()).find((each) => each.code === 'devices_without_secret');
      assert.equal(entry?.kind, 'warning');
    } finally {
      assert.equal((await patch(false)).status, 200);
    }
  });

  test('HTTP errors carry what the panel words them with', async () => {
    // What input was refused goes along as it is: it names the field to fix.
    const before = (await call(hub, 'GET', '/api/v1/settings')).body;
    const refused = await call(hub, 'PATCH', '/api/v1/settings', {
      json: { history: { retentionDays: 99999 } },
    });
    assert.equal(refused.status, 400);
    assert.equal(refused.body.error.code, 'invalid_input');
    assert.match(refused.body.error.params.detail, /^history\.retentionDays: /);
    assert.equal(refused.body.error.params.detail, refused.body.error.message);
    assert.deepEqual((await call(hub, 'GET', '/api/v1/settings')).body, before, 'nothing changed');

    const unknown = await call(hub, 'POST', '/api/v1/devices/nosuch/approve');
    assert.equal(unknown.status, 404);
    assert.deepEqual(unknown.body.error.params, { id: 'nosuch' });

    locks.push(await joinLock(hub, 'shed', 'Shed door', confirm()));
    await locks.at(-1)!.end();
    await waitFor('the shed offline', async () => {
      const device = (await call(hub, 'GET', '/api/v1/devices/shed')).body;
      return device.availability === 'offline';
    });
    const offline = await call(hub, 'POST', '/api/v1/devices/shed/lock');
    assert.equal(offline.status, 409);
    assert.equal(offline.body.error.code, 'offline');
    assert.deepEqual(offline.body.error.params, { name: 'Shed door' });

    // The owner is not a device: running hand_shake says exactly that, not just "it failed".
    const run = await call(hub, 'POST', '/api/v1/actions/hand_shake/run', {
      json: { args: ['door1'] },
    });
    assert.equal(run.status, 422);
    assert.equal(run.body.error.code, 'action_failed');
    assert.deepEqual(run.body.error.params, {
      problem: 'hand_shake_not_a_device',
      action: 'hand_shake',
    });
  });

  test('every built-in action is one the shared list describes', async () => {
    const listed = (await call(hub, 'GET', '/api/v1/actions')).body.actions as Json[];
    const builtIns = listed.filter((action) => action.source === 'built-in');
    assert.deepEqual(builtIns.map((action) => action.name).sort(), [...builtInActionNames].sort());
  });
});
