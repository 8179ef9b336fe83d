// Joining as contract 2.3 says: hand_shake, pending, approval, the secret, permit-join.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connackCode, connectToken, nextMessage } from '../helpers/mqtt.js';
import { api, connectDevice, delay } from '../helpers/devices.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

const storedDevice = (id: string): { secretHash: string | null; status: string } =>
  (
    JSON.parse(readFileSync(join(hub.dataDir, 'state.json'), 'utf8')) as {
      devices: Record<string, { secretHash: string | null; status: string }>;
    }
  ).devices[id]!;

describe('hand_shake while joining is closed', () => {
  test('the device waits as pending, with its address; token clients hear "<id> pending"', async () => {
    const watcher = await connectToken(hub.mqttUrl, hub.token);
    const heard = nextMessage(watcher, 'hand_shake');
    const device = await connectDevice(hub.mqttUrl, 'front-door', {});
    assert.equal(await device.handShake('lock Front door'), 'pending');
    assert.equal((await heard).payload, 'front-door pending');
    const { body } = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/front-door');
    assert.equal(body.status, 'pending');
    assert.equal(body.kind, 'lock');
    assert.equal(body.name, 'Front door');
    assert.equal(body.address, '127.0.0.1');
    await device.end();
    await watcher.endAsync();
  });

  test('approval from the API sends the secret at once; the device logs in with it; anonymous is then refused', async () => {
    const device = await connectDevice(hub.mqttUrl, 'back-door');
    assert.equal(await device.handShake('lock'), 'pending');
    const approved = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/back-door/approve');
    assert.equal(approved.status, 200);
    assert.equal(approved.body.status, 'approved');
    const answer = await device.nextAnswer();
    const match = /^approved ([A-Za-z0-9_-]{43})$/.exec(answer);
    assert.ok(match, answer);
    const secret = match[1]!;
    assert.equal(await device.handShake('lock'), `approved ${secret}`, 'sent again until used');
    const hashBefore = storedDevice('back-door').secretHash;
    assert.ok(
      hashBefore && !readFileSync(join(hub.dataDir, 'state.json'), 'utf8').includes(secret),
      'only the hash is stored',
    );
    const again = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/back-door/approve');
    assert.equal(again.status, 200);
    assert.equal(
      storedDevice('back-door').secretHash,
      hashBefore,
      'approving twice makes no new secret',
    );
    await device.end();

    const withSecret = await connectDevice(hub.mqttUrl, 'back-door', { secret });
    const sub = await withSecret.client.subscribeAsync('hearth/devices/back-door/set', { qos: 1 });
    assert.equal(sub[0]?.qos, 1, 'it may subscribe to its own set topic');
    await withSecret.end();
    assert.equal(
      await connackCode(hub.mqttUrl, { clientId: 'back-door' }),
      5,
      'no login without the secret once used',
    );
    assert.equal(
      await connackCode(hub.mqttUrl, {
        clientId: 'back-door',
        username: 'back-door',
        password: 'nope',
      }),
      4,
    );
  });

  test('rejecting a pending device: it is told so, and stays rejected', async () => {
    const device = await connectDevice(hub.mqttUrl, 'stranger-cam');
    assert.equal(await device.handShake('camera'), 'pending');
    const rejected = await api(
      hub.httpUrl,
      hub.token,
      'POST',
      '/api/v1/devices/stranger-cam/reject',
    );
    assert.equal(rejected.body.status, 'rejected');
    await device.end().catch(() => {});
    const retry = await connectDevice(hub.mqttUrl, 'stranger-cam');
    assert.equal(await retry.handShake('camera'), 'rejected');
    await retry.end();
  });
});

describe('permit-join', () => {
  test('while open, a device is approved at once; it closes by itself and says so', async () => {
    const watcher = await connectToken(hub.mqttUrl, hub.token);
    await watcher.subscribeAsync('hearth/events/permit_join', { qos: 1 });
    const events: Array<{ data: { open: boolean } }> = [];
    watcher.on('message', (topic, payload) => {
      if (topic === 'hearth/events/permit_join')
        events.push(JSON.parse(payload.toString()) as { data: { open: boolean } });
    });
    const opened = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 2 });
    assert.equal(opened.status, 200);
    assert.equal(opened.body.open, true);
    assert.ok(opened.body.secondsLeft >= 1 && opened.body.secondsLeft <= 2);
    const device = await connectDevice(hub.mqttUrl, 'porch-sensor');
    assert.match(await device.handShake('sensor Porch'), /^approved [A-Za-z0-9_-]{43}$/);
    await device.end();
    for (let waited = 0; events.length < 2 && waited < 5_000; waited += 100) await delay(100);
    assert.deepEqual(
      events.map((event) => event.data.open),
      [true, false],
      'opened, then closed by itself',
    );
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/permit-join')).body.open,
      false,
    );
    const late = await connectDevice(hub.mqttUrl, 'late-sensor');
    assert.equal(await late.handShake('sensor'), 'pending');
    await late.end();
    await watcher.endAsync();
  });

  test('more than 600 s is refused with a clear error, and joining stays closed', async () => {
    const response = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', {
      seconds: 601,
    });
    assert.equal(response.status, 400);
    assert.equal(response.body.error.code, 'invalid_input');
    assert.match(response.body.error.message, /seconds/);
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/permit-join')).body.open,
      false,
    );
  });
});

describe('the registry survives a restart', () => {
  test('devices, decisions and names are kept; an unused secret is replaced on the next hand_shake', async () => {
    const device = await connectDevice(hub.mqttUrl, 'garage');
    await device.handShake('lock Garage');
    await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/garage/approve');
    const first = await device.nextAnswer();
    await device.end();
    const dataDir = hub.dataDir;
    await hub.hub.stop();
    hub = await startTestHub({ dataDir });
    const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices');
    assert.deepEqual(
      listed.body.devices.map((d: { id: string; status: string; name: string }) => [
        d.id,
        d.status,
        d.name,
      ]),
      [['garage', 'approved', 'Garage']],
    );
    const again = await connectDevice(hub.mqttUrl, 'garage');
    const second = await again.handShake('lock Garage');
    assert.match(second, /^approved [A-Za-z0-9_-]{43}$/);
    assert.notEqual(
      second,
      first,
      'the old plaintext was never stored, so a new secret replaces it',
    );
    await again.end();
    const secret = second.split(' ')[1]!;
    assert.equal(
      await connackCode(hub.mqttUrl, {
        clientId: 'garage',
        username: 'garage',
        password: first.split(' ')[1]!,
      }),
      4,
    );
    assert.equal(
      await connackCode(hub.mqttUrl, { clientId: 'garage', username: 'garage', password: secret }),
      null,
    );
  });
});

describe('what devices report', () => {
  test('availability follows connect, the availability topic and the will; state and battery are recorded', async () => {
    await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 60 });
    const joining = await connectDevice(hub.mqttUrl, 'side-door');
    const secret = (await joining.handShake('lock Side door')).split(' ')[1]!;
    await joining.end();
    const device = await connectDevice(hub.mqttUrl, 'side-door', {
      secret,
      extra: {
        will: {
          topic: 'hearth/devices/side-door/availability',
          payload: Buffer.from('offline'),
          retain: true,
          qos: 1,
        },
      },
    });
    await device.client.publishAsync('hearth/devices/side-door/availability', 'online', {
      qos: 1,
      retain: true,
    });
    await device.client.publishAsync(
      'hearth/devices/side-door/state',
      '{"state":"LOCKED","battery":87}',
      { qos: 1, retain: true },
    );
    await delay(100);
    let view = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/side-door')).body;
    assert.equal(view.availability, 'online');
    assert.equal(view.state, 'locked');
    assert.equal(view.battery, 87);
    await device.client.publishAsync('hearth/devices/side-door/state', 'unlocked', {
      qos: 1,
      retain: true,
    });
    await device.client.publishAsync('hearth/devices/side-door/state', '{"state": 5}', { qos: 1 });
    await delay(100);
    view = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/side-door')).body;
    assert.equal(view.state, 'unlocked', 'a bad report changes nothing');
    assert.equal(view.battery, 87);
    const activity = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/activity?limit=50')).body
      .entries as Array<{ kind: string }>;
    assert.ok(activity.some((e) => e.kind === 'bad_state_report'));
    device.client.stream.destroy(); // a power cut: the will says offline
    await delay(300);
    view = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/side-door')).body;
    assert.equal(view.availability, 'offline');
  });

  test('the retained hearth/devices topic lists devices without secrets', async () => {
    const device = await connectDevice(hub.mqttUrl, 'hall-sensor');
    await device.handShake('sensor Hall');
    await device.end();
    await delay(100);
    const watcher = await connectToken(hub.mqttUrl, hub.token);
    const listed = JSON.parse((await nextMessage(watcher, 'hearth/devices')).payload) as Array<
      Record<string, unknown>
    >;
    assert.deepEqual(
      listed.map((d) => d.id),
      ['hall-sensor'],
    );
    assert.ok(!JSON.stringify(listed).toLowerCase().includes('secret'));
    await watcher.endAsync();
  });
});
