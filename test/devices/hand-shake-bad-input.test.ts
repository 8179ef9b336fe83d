// hand_shake bad input (issue 3): each is refused, logged once, kept in the activity history,
// and changes nothing in the registry.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { api, connectDevice, delay } from '../helpers/devices.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

const devices = async (): Promise<unknown[]> =>
  (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices')).body.devices as unknown[];
const activityKinds = async (): Promise<Array<{ kind: string; message: string }>> =>
  (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/activity?limit=200')).body.entries as Array<{
    kind: string;
    message: string;
  }>;

async function sendAndSettle(id: string, payload: string | Buffer): Promise<string[]> {
  const device = await connectDevice(hub.mqttUrl, id);
  await device.client.publishAsync('hearth/action', payload, { qos: 1 });
  await delay(200);
  const answers = [...device.answers];
  await device.end();
  return answers;
}

test('a hand_shake naming a different id than the client id', async () => {
  const answers = await sendAndSettle('honest-id', 'hand_shake front-door lock');
  assert.deepEqual(answers, [], 'no answer');
  assert.deepEqual(await devices(), []);
  const entries = await activityKinds();
  assert.ok(
    entries.some(
      (e) =>
        e.kind === 'action_error' &&
        /names "front-door" but the client id is "honest-id"/.test(e.message),
    ),
  );
});

test('a device name of 1 MB, and one just over 64 characters', async () => {
  const huge = await sendAndSettle(
    'big-name',
    `hand_shake big-name lock ${'x'.repeat(1024 * 1024)}`,
  );
  assert.deepEqual(huge, []);
  const long = await sendAndSettle('long-name', `hand_shake long-name lock ${'y'.repeat(65)}`);
  assert.deepEqual(long, []);
  assert.deepEqual(await devices(), []);
  const entries = await activityKinds();
  assert.ok(entries.some((e) => /1 to 64 characters/.test(e.message)));
});

test('a flood of hand_shakes from one address is cut off after the per-minute limit', async () => {
  const set = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    devices: { handShakesPerMinutePerAddress: 3 },
  });
  assert.equal(set.status, 200);
  const device = await connectDevice(hub.mqttUrl, 'chatty');
  for (let i = 0; i < 10; i++)
    await device.client.publishAsync('hearth/action', 'hand_shake chatty sensor', { qos: 1 });
  await delay(300);
  assert.deepEqual(
    device.answers,
    ['pending', 'pending', 'pending'],
    'only the first three were answered',
  );
  await device.end();
  assert.equal((await devices()).length, 1);
  const refusals = (await activityKinds()).filter((e) => /too many hand_shakes/.test(e.message));
  assert.equal(refusals.length, 7);
});

test('a rename to an empty or too long name is refused; the name is unchanged', async () => {
  await sendAndSettle('lamp', 'hand_shake lamp other Lamp');
  for (const name of ['', '   ', 'z'.repeat(65)]) {
    const response = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/devices/lamp', { name });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'invalid_input');
  }
  const tooBig = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/devices/lamp', {
    name: 'n'.repeat(1024 * 1024),
  });
  assert.equal(tooBig.status, 413);
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/lamp')).body.name,
    'Lamp',
  );
  const renamed = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/devices/lamp', {
    name: 'Desk lamp',
  });
  assert.equal(renamed.body.name, 'Desk lamp');
});

test('settings are validated as a whole: a typo or a bad value changes nothing', async () => {
  const before = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body;
  for (const patch of [
    { devices: { allowWithoutSecrets: true } },
    { broker: { maxConnections: -1 } },
    { devices: { allowWithoutSecret: 'yes' } },
  ]) {
    const response = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', patch);
    assert.equal(response.status, 400, JSON.stringify(patch));
    assert.equal(response.body.error.code, 'invalid_input');
  }
  assert.deepEqual((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body, before);
});

test('allow devices without secret: off by default, a warning while on, gone when off', async () => {
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body.devices.allowWithoutSecret,
    false,
  );
  await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    devices: { allowWithoutSecret: true },
  });
  let status = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status')).body;
  assert.ok(status.warnings.some((w: { code: string }) => w.code === 'devices_without_secret'));
  await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    devices: { allowWithoutSecret: false },
  });
  status = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status')).body;
  assert.ok(!status.warnings.some((w: { code: string }) => w.code === 'devices_without_secret'));
});
