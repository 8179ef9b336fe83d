// Home Assistant discovery as a real installation sees it (issue 11): Hearth on the owner's
// Mosquitto, a Zigbee2MQTT bridge already there with its retained configs and state. Hearth
// says the birth message, picks the retained config up, and once the owner approves drives the
// lock on the bridge's topics.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { api } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { waitUntil } from '../external-broker/support.js';

let mosquitto: TestMosquitto;
let bridge: MqttClient;
let hub: TestHub;
const births: string[] = [];
const ID = 'ha.0x000d6f0011223344.lock';

before(async () => {
  mosquitto = await startTestMosquitto();
  bridge = await mqtt.connectAsync(mosquitto.url, { clientId: 'zigbee2mqtt', reconnectPeriod: 0 });
  await bridge.subscribeAsync('homeassistant/status', { qos: 1 });
  bridge.on('message', (topic, payload) => {
    if (topic === 'homeassistant/status') births.push(payload.toString());
    if (topic === 'zigbee2mqtt/Garage door/set') {
      const asked = payload.toString();
      void bridge.publishAsync(
        'zigbee2mqtt/Garage door',
        JSON.stringify({ state: asked, battery: 64 }),
        { qos: 1, retain: true },
      );
    }
  });
  await bridge.subscribeAsync('zigbee2mqtt/Garage door/set', { qos: 1 });
  // What Zigbee2MQTT left retained before Hearth ever started.
  const config = {
    availability: [{ topic: 'zigbee2mqtt/bridge/state', value_template: '{{ value_json.state }}' }],
    command_topic: 'zigbee2mqtt/Garage door/set',
    device: {
      identifiers: ['zigbee2mqtt_0x000d6f0011223344'],
      manufacturer: 'Danalock',
      model: 'V3',
      name: 'Garage door',
    },
    name: null,
    state_locked: 'LOCK',
    state_unlocked: 'UNLOCK',
    state_topic: 'zigbee2mqtt/Garage door',
    unique_id: '0x000d6f0011223344_lock_zigbee2mqtt',
    value_template: '{{ value_json.state }}',
  };
  await bridge.publishAsync(
    'homeassistant/lock/0x000d6f0011223344/lock/config',
    JSON.stringify(config),
    { qos: 1, retain: true },
  );
  await bridge.publishAsync('zigbee2mqtt/bridge/state', JSON.stringify({ state: 'online' }), {
    qos: 1,
    retain: true,
  });
  await bridge.publishAsync(
    'zigbee2mqtt/Garage door',
    JSON.stringify({ state: 'UNLOCK', battery: 65 }),
    { qos: 1, retain: true },
  );
  hub = await startTestHub({ externalBroker: { url: mosquitto.url } });
});
after(async () => {
  await hub?.close();
  await bridge?.endAsync(true);
  await mosquitto?.stop();
});

test('the birth message goes out; the retained config is a device waiting for the owner', async () => {
  await waitUntil('the birth message', () => births.includes('online'));
  const pending = await waitUntil('announced', async () => {
    const got = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/devices/${ID}`);
    return got.status === 200 ? got.body : null;
  });
  assert.equal(pending.status, 'pending');
  assert.equal(pending.bridge.integrationId, null, 'on an external broker the sender is not known');
  assert.equal(pending.bridge.model, 'Danalock V3');
});

test('approved: retained state and availability count at once, and it locks on its bridge topics', async () => {
  assert.equal(
    (await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${ID}/approve`)).status,
    200,
  );
  const ready = await waitUntil('online, its state known', async () => {
    const got = (await api(hub.httpUrl, hub.token, 'GET', `/api/v1/devices/${ID}`)).body;
    return got.availability === 'online' && got.state === 'unlocked' ? got : null;
  });
  assert.equal(ready.battery, 65);
  const locked = await api(hub.httpUrl, hub.token, 'POST', `/api/v1/devices/${ID}/lock`);
  assert.equal(locked.status, 200, JSON.stringify(locked.body));
  assert.equal(locked.body.state, 'locked');
});
