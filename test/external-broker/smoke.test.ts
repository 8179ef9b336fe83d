import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { api, connectDevice, delay } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';

let mosquitto: TestMosquitto;
let hub: TestHub;

before(async () => {
  mosquitto = await startTestMosquitto();
  hub = await startTestHub({ externalBroker: { url: mosquitto.url } });
});
after(async () => {
  await hub?.close();
  await mosquitto?.stop();
});

test('smoke: join, lock', async () => {
  const info = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info');
  console.log(info.body);
  await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', { seconds: 60 });
  const device = await connectDevice(mosquitto.url, 'lock1', { ownInbox: true });
  const answer = await device.handShake('lock Front door');
  console.log(answer);
  const secret = answer.split(' ')[1]!;
  await device.end();
  const lock = await connectDevice(mosquitto.url, 'lock1', { secret });
  await lock.client.subscribeAsync('hearth/devices/lock1/set', { qos: 1 });
  lock.client.on('message', (topic, payload) => {
    if (topic === 'hearth/devices/lock1/set')
      void lock.client.publishAsync(
        'hearth/devices/lock1/state',
        payload.toString() === 'LOCK' ? 'LOCKED' : 'UNLOCKED',
        { qos: 1, retain: true },
      );
  });
  await lock.client.publishAsync('hearth/devices/lock1/availability', 'online', {
    qos: 1,
    retain: true,
  });
  await delay(200);
  const result = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/lock1/lock');
  console.log(result);
  assert.equal(result.status, 200);
  await mosquitto.stop();
  await delay(300);
  const down = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/lock1/unlock');
  console.log(down);
  await lock.end();
});
