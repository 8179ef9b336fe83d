// Taking rights away: remove, reject and re-pair close the connection at once, revoke the
// secret and stop the device's retained messages reaching anyone (issue 3).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { collectMessages, connackCode, connectToken } from '../helpers/mqtt.js';
import { api, connectDevice, delay } from '../helpers/devices.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

async function joinedAndConnected(id: string): Promise<{
  secret: string;
  closed: Promise<void>;
  device: Awaited<ReturnType<typeof connectDevice>>;
}> {
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 60 });
  const joining = await connectDevice(hub.mqttUrl, id);
  const secret = (await joining.handShake(`lock ${id}`)).split(' ')[1]!;
  await joining.end();
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 0 });
  const device = await connectDevice(hub.mqttUrl, id, { secret });
  await device.client.publishAsync(`hearth/devices/${id}/availability`, 'online', {
    qos: 1,
    retain: true,
  });
  await device.client.publishAsync(`hearth/devices/${id}/state`, 'LOCKED', {
    qos: 1,
    retain: true,
  });
  const closed = new Promise<void>((resolve) =>
    device.client.stream.once('close', () => resolve()),
  );
  await delay(50);
  return { secret, closed, device };
}

async function retainedFor(id: string): Promise<string[]> {
  const watcher = await connectToken(hub.mqttUrl, hub.token);
  const seen = await collectMessages(watcher, `hearth/devices/${id}/state`, 300);
  await watcher.endAsync();
  return seen;
}

for (const how of ['remove', 'reject', 'repair'] as const) {
  test(`${how}: connection closed at once, secret revoked, retained messages gone`, async () => {
    const { secret, closed } = await joinedAndConnected('door-1');
    assert.deepEqual(await retainedFor('door-1'), ['LOCKED'], 'retained state before');
    const response =
      how === 'remove'
        ? await api(hub.httpUrl, hub.token, 'DELETE', '/api/v1/devices/door-1')
        : await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/door-1/${how}`);
    assert.equal(response.status, 200);
    await closed;
    assert.deepEqual(await retainedFor('door-1'), [], 'no retained state reaches a new subscriber');
    assert.equal(
      await connackCode(hub.mqttUrl, { clientId: 'door-1', username: 'door-1', password: secret }),
      4,
      'the old secret no longer works',
    );
    const listed = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices')).body
      .devices as Array<{ id: string; status: string; name: string }>;
    if (how === 'remove') assert.deepEqual(listed, []);
    else {
      assert.equal(listed[0]?.status, how === 'reject' ? 'rejected' : 'pending');
      assert.equal(listed[0]?.name, 'door-1', 'name and history are kept');
    }
  });
}

test('a re-paired device joins again and gets a new secret once approved', async () => {
  const { secret } = await joinedAndConnected('door-2');
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/door-2/repair');
  const device = await connectDevice(hub.mqttUrl, 'door-2');
  assert.equal(await device.handShake('lock'), 'pending');
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/door-2/approve');
  const answer = await device.nextAnswer();
  assert.match(answer, /^approved /);
  assert.notEqual(answer.split(' ')[1], secret);
  await device.end();
});

test('decisions about an unknown device: 404 unknown_device, nothing changes', async () => {
  for (const [method, path] of [
    ['POST', '/api/v1/devices/nobody/approve'],
    ['POST', '/api/v1/devices/nobody/reject'],
    ['POST', '/api/v1/devices/nobody/repair'],
    ['DELETE', '/api/v1/devices/nobody'],
    ['GET', '/api/v1/devices/nobody'],
  ] as const) {
    const response = await api(hub.httpUrl, hub.token, method, path);
    assert.equal(response.status, 404, path);
    assert.equal(response.body.error.code, 'unknown_device');
  }
  const bad = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/bad%2Fid');
  assert.equal(bad.status, 400);
  assert.deepEqual((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices')).body.devices, []);
});
