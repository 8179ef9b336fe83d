// The device kit against the real hub (in-process: real broker, real HTTP API, real files):
// joining with permit-join open and by the owner's approval, rejection, reconnecting with the
// stored secret, re-pairing, state and availability as the hub sees them.
import { strict as assert } from 'node:assert';
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { MqttClient } from 'mqtt';
import { HearthDevice } from '../../src-main/device-kit/hearth-device.js';
import type { HearthDeviceOptions } from '../../src-main/device-kit/device-types.js';
import { readSecret } from '../../src-main/device-kit/secret-file.js';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connectToken } from '../helpers/mqtt.js';
import { phaseReached, recordEvents, watchTopic } from './support.js';

let hub: TestHub;
let watcher: MqttClient;
let folder: string;
const devices: HearthDevice[] = [];

beforeEach(async () => {
  hub = await startTestHub();
  watcher = await connectToken(hub.mqttUrl, hub.token);
  folder = makeTempDir('hearth-kit-');
});

afterEach(async () => {
  await Promise.all(devices.splice(0).map((device) => device.stop()));
  await watcher.endAsync(true);
  await hub.close();
  removeDir(folder);
});

function makeDevice(id: string, extra: Partial<HearthDeviceOptions> = {}): HearthDevice {
  const device = new HearthDevice({
    url: hub.mqttUrl,
    id,
    kind: 'lock',
    name: 'Front door',
    secretFile: join(folder, `${id}.secret.json`),
    // Short waits keep the tests quick; the defaults are seconds.
    reconnect: { initialMs: 50, maxMs: 500 },
    handShakeRetry: { initialMs: 200, maxMs: 1_000 },
    ...extra,
  });
  devices.push(device);
  return device;
}

const permitJoin = async (seconds: number): Promise<void> => {
  const { status } = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds });
  assert.equal(status, 200);
};

describe('HearthDevice on a real hub', () => {
  it('joins while permit-join is open, stores its secret 0600 and reports state retained', async () => {
    await permitJoin(60);
    const device = makeDevice('kit-lock-1');
    const events = recordEvents(device);
    const availability = await watchTopic(watcher, 'hearth/devices/kit-lock-1/availability');
    const state = await watchTopic(watcher, 'hearth/devices/kit-lock-1/state');
    void device.reportState('LOCKED', { battery: 87 });
    device.start();
    await phaseReached(device, 'online');

    assert.deepEqual(events, ['phase:joining', 'joined', 'phase:connecting', 'phase:online']);
    const secret = readSecret(device.secretFile, 'kit-lock-1');
    assert.ok(secret && secret.length >= 22, 'a secret of at least 128 bits was stored');
    if (process.platform !== 'win32') assert.equal(statSync(device.secretFile).mode & 0o777, 0o600);
    await availability.waitForText('online');
    const reported = await state.waitFor((payload) => payload.toString().startsWith('{'));
    assert.deepEqual(JSON.parse(reported.toString()), { state: 'LOCKED', battery: 87 });

    const { body } = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/kit-lock-1');
    assert.equal(body.status, 'approved');
    assert.equal(body.kind, 'lock');
    assert.equal(body.name, 'Front door');

    // A plain word is sent as it is, and a later state replaces the retained one.
    await device.reportState('UNLOCKED');
    await state.waitForText('UNLOCKED');

    await device.stop();
    assert.equal(device.phase, 'stopped');
    await availability.waitForText('offline');
    assert.ok(!events.some((event) => event.startsWith('error:')), events.join(' '));
  });

  it('waits as pending until the owner approves it in the API', async () => {
    const device = makeDevice('kit-lock-2');
    const events = recordEvents(device);
    device.start();
    await phaseReached(device, 'pending');
    const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices');
    const entry = listed.body.devices.find((d: { id: string }) => d.id === 'kit-lock-2');
    assert.equal(entry?.status, 'pending');
    assert.equal(existsSync(device.secretFile), false);

    const approved = await api(
      hub.httpUrl,
      hub.token,
      'POST',
      '/api/v1/devices/kit-lock-2/approve',
    );
    assert.equal(approved.status, 200);
    await phaseReached(device, 'online');
    assert.deepEqual(events.slice(0, 3), ['phase:joining', 'phase:pending', 'pending']);
    assert.ok(events.includes('joined'));
    assert.ok(readSecret(device.secretFile, 'kit-lock-2'));
  });

  it('keeps asking with hand_shake while pending, and stops after rejected', async () => {
    const device = makeDevice('kit-lock-3');
    const events = recordEvents(device);
    device.start();
    await phaseReached(device, 'pending');
    const rejected = new Promise<void>((resolve) => device.once('rejected', resolve));
    const response = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/kit-lock-3/reject');
    assert.equal(response.status, 200);
    // The hub closes the connection; the device asks again and hears `rejected`.
    await rejected;
    assert.equal(device.phase, 'rejected');
    assert.deepEqual(events.slice(-2), ['phase:rejected', 'rejected']);
    // It stays quiet: no more connections, no more hand_shakes.
    const before = events.length;
    await new Promise((resolve) => setTimeout(resolve, 600));
    assert.equal(events.length, before);
    assert.equal(existsSync(device.secretFile), false);
  });

  it('comes back with its stored secret, without joining again', async () => {
    await permitJoin(60);
    const first = makeDevice('kit-lock-4');
    first.start();
    await phaseReached(first, 'online');
    await first.stop();
    await permitJoin(0);

    const again = makeDevice('kit-lock-4');
    const events = recordEvents(again);
    const availability = await watchTopic(watcher, 'hearth/devices/kit-lock-4/availability');
    again.start();
    await phaseReached(again, 'online');
    assert.deepEqual(events, ['phase:connecting', 'phase:online']);
    await availability.waitFor((payload) => payload.toString() === 'online');
  });

  it('forgets a secret the owner revoked by re-pairing, and joins again', async () => {
    await permitJoin(60);
    const device = makeDevice('kit-lock-5');
    const events = recordEvents(device);
    device.start();
    await phaseReached(device, 'online');
    const oldSecret = readSecret(device.secretFile, 'kit-lock-5');

    const repaired = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/kit-lock-5/repair');
    assert.equal(repaired.status, 200);
    // Kicked off, refused with the old secret, joined again (joining is still open).
    await waitUntil(() => events.includes('error:secret-refused'), 'the old secret is refused');
    await waitUntil(() => events.filter((e) => e === 'joined').length === 2, 'joined again');
    await phaseReached(device, 'online');
    const newSecret = readSecret(device.secretFile, 'kit-lock-5');
    assert.ok(newSecret);
    assert.notEqual(newSecret, oldSecret);
  });

  it('sends pictures and runs actions only while online; hears the replies', async () => {
    await permitJoin(60);
    const device = makeDevice('kit-cam-1', { kind: 'camera', name: 'Porch camera' });
    await assert.rejects(device.sendPicture(Buffer.from('x')), { code: 'not-online' });
    const replies: string[] = [];
    device.on('reply', (action, payload) => replies.push(`${action}:${payload.toString()}`));
    device.start();
    await phaseReached(device, 'online');
    await device.sendPicture(Buffer.from([0x89, 0x50, 0x4e, 0x47]));
    await device.sendAction('ping');
    // `ping` is one that devices may run: its reply comes back on reply/ping.
    await waitUntil(() => replies.length > 0, 'the reply to ping');
    assert.deepEqual(replies, ['ping:pong']);
  });
});

async function waitUntil(
  condition: () => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`timed out waiting: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
