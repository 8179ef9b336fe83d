// A device waiting for approval is shown as it is (issue 19): connected while its connection
// is up (it was shown offline), offline once it goes; an anonymous connection under an approved
// device's id never makes that device look online.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { api, connectDevice, delay } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

async function availabilityOf(id: string): Promise<{ status: string; availability: string }> {
  return (await api(hub.httpUrl, hub.token, 'GET', `/api/v1/devices/${id}`)).body;
}

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await delay(25);
  }
}

describe('a device waiting for approval', () => {
  test('is online while connected, offline once it leaves, online again when it asks again', async () => {
    const device = await connectDevice(hub.mqttUrl, 'porch-lock');
    assert.equal(await device.handShake('lock Porch'), 'pending');
    const waiting = await availabilityOf('porch-lock');
    assert.equal(waiting.status, 'pending');
    assert.equal(waiting.availability, 'online');
    await device.end();
    await waitFor(async () => (await availabilityOf('porch-lock')).availability === 'offline');
    const again = await connectDevice(hub.mqttUrl, 'porch-lock');
    assert.equal(await again.handShake('lock Porch'), 'pending');
    assert.equal((await availabilityOf('porch-lock')).availability, 'online');
    await again.end();
  });

  test('once approved, it is online only after it logs in with its secret', async () => {
    const device = await connectDevice(hub.mqttUrl, 'side-lock');
    assert.equal(await device.handShake('lock Side'), 'pending');
    assert.equal((await availabilityOf('side-lock')).availability, 'online');
    const approved = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/side-lock/approve');
    assert.equal(approved.body.availability, 'offline', 'its joining connection is not a login');
    const secret = (await device.nextAnswer()).replace(/^approved /, '');
    await device.end();
    const loggedIn = await connectDevice(hub.mqttUrl, 'side-lock', { secret });
    await waitFor(async () => (await availabilityOf('side-lock')).availability === 'online');
    await loggedIn.end();
  });

  test('an anonymous connection under an approved device id does not make it look online', async () => {
    await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 60 });
    const device = await connectDevice(hub.mqttUrl, 'front-door');
    const answer = await device.handShake('lock Front door');
    assert.match(answer, /^approved /);
    await device.end();
    await waitFor(async () => (await availabilityOf('front-door')).availability === 'offline');
    const spoof = await connectDevice(hub.mqttUrl, 'front-door');
    await delay(200);
    assert.equal((await availabilityOf('front-door')).availability, 'offline');
    await spoof.end();
  });
});
