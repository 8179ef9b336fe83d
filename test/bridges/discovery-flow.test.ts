// Home Assistant MQTT discovery end to end (issue 11), on Hearth's own broker: bridges log in
// with integration accounts the owner made and replay what real firmware sends (an ESPHome lock,
// a Zigbee2MQTT lock with JSON state, an image entity). Devices wait for approval, then are
// driven like any lock: confirmation, jam, availability, pictures, audit. Bad configs are refused
// with an activity note and change nothing.
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { api, delay } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { jpeg } from '../strangers/support/pictures.js';
import { waitUntil } from '../external-broker/support.js';

let hub: TestHub;
let z2m: MqttClient;
let esphome: MqttClient;
/** Integration ids are made from the name plus a random suffix. */
const accountIds = new Map<string, string>();
const bridges: MqttClient[] = [];

const call = (method: string, path: string, body?: unknown): ReturnType<typeof api> =>
  api(hub.httpUrl, hub.token, method, path, body);

async function bridgeAccount(
  name: string,
  rights: Array<{ filter: string; publish?: boolean; subscribe?: boolean }>,
): Promise<MqttClient> {
  const created = await call('POST', '/api/v1/integrations', { name, rights });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  accountIds.set(name, created.body.id);
  const client = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: `${name}-bridge`,
    username: created.body.username,
    password: created.body.password,
    reconnectPeriod: 0,
  });
  bridges.push(client);
  return client;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const device = async (id: string): Promise<any> => {
  const got = await call('GET', `/api/v1/devices/${id}`);
  return got.status === 200 ? got.body : null;
};

const refusals = async (): Promise<string[]> =>
  (await call('GET', '/api/v1/activity?limit=200')).body.entries
    .filter((entry: { kind: string }) => entry.kind === 'discovery_refused')
    .map((entry: { message: string }) => entry.message);

/** A bridge that answers its lock's commands with the given state payloads. */
function answer(
  client: MqttClient,
  commandTopic: string,
  stateTopic: string,
  reply: (payload: string) => string | null,
): void {
  void client.subscribeAsync(commandTopic, { qos: 1 });
  client.on('message', (topic, payload) => {
    if (topic !== commandTopic) return;
    const state = reply(payload.toString());
    if (state !== null) void client.publishAsync(stateTopic, state, { qos: 1, retain: true });
  });
}

// Shapes as Zigbee2MQTT publishes them for a Zigbee lock (its discovery for `lock`).
const Z2M_CONFIG = {
  availability: [{ topic: 'zigbee2mqtt/bridge/state', value_template: '{{ value_json.state }}' }],
  availability_mode: 'all',
  command_topic: 'zigbee2mqtt/Front door/set',
  device: {
    identifiers: ['zigbee2mqtt_0x00158d0001a2b3c4'],
    manufacturer: 'Yale',
    model: 'YRD256',
    name: 'Front door',
  },
  name: null,
  object_id: 'front_door',
  origin: { name: 'Zigbee2MQTT', sw: '1.40.0', url: 'https://www.zigbee2mqtt.io' },
  state_locked: 'LOCK',
  state_unlocked: 'UNLOCK',
  state_topic: 'zigbee2mqtt/Front door',
  unique_id: '0x00158d0001a2b3c4_lock_zigbee2mqtt',
  value_template: '{{ value_json.state }}',
};
const Z2M_TOPIC = 'homeassistant/lock/0x00158d0001a2b3c4/lock/config';
const Z2M_ID = 'ha.0x00158d0001a2b3c4.lock';

// Shapes as ESPHome publishes them for a `lock:` component (abbreviated keys).
const ESPHOME_CONFIG = {
  name: 'Back door',
  cmd_t: 'backdoor/lock/back_door/command',
  stat_t: 'backdoor/lock/back_door/state',
  avty_t: 'backdoor/status',
  uniq_id: 'backdoorlockback_door',
  dev: {
    ids: '84f3eb123456',
    name: 'backdoor',
    sw: 'esphome v2024.6.1',
    mdl: 'nodemcuv2',
    mf: 'Espressif',
  },
};
const ESPHOME_TOPIC = 'homeassistant/lock/backdoor/back_door/config';
const ESPHOME_ID = 'ha.backdoor.back_door';

before(async () => {
  hub = await startTestHub();
  z2m = await bridgeAccount('zigbee2mqtt', [
    { filter: 'zigbee2mqtt/#', publish: true, subscribe: true },
    { filter: 'homeassistant/#', publish: true, subscribe: true },
  ]);
  esphome = await bridgeAccount('backdoor', [
    { filter: 'backdoor/#', publish: true, subscribe: true },
    { filter: 'homeassistant/#', publish: true },
  ]);
});
after(async () => {
  for (const client of bridges) await client.endAsync(true);
  await hub.close();
});

test('a Zigbee2MQTT lock is announced, waits for approval, then locks and unlocks on its own topics and JSON state', async () => {
  await z2m.publishAsync(Z2M_TOPIC, JSON.stringify(Z2M_CONFIG), { qos: 1, retain: true });
  const pending = await waitUntil('announced', () => device(Z2M_ID));
  assert.equal(pending.status, 'pending');
  assert.equal(pending.kind, 'lock');
  assert.deepEqual(pending.bridge, {
    source: 'ha-discovery',
    integrationId: accountIds.get('zigbee2mqtt'),
    model: 'Yale YRD256',
    removalRequested: false,
  });
  // Nothing is commanded before the owner approves.
  assert.equal((await call('POST', `/api/v1/devices/${Z2M_ID}/lock`)).status, 404);

  // Approving says Home Assistant's birth message again, so the bridge sends its states now.
  await z2m.subscribeAsync('homeassistant/status', { qos: 1 });
  const birth = new Promise<string>((resolve) =>
    z2m.on('message', (topic, payload) => {
      if (topic === 'homeassistant/status') resolve(payload.toString());
    }),
  );
  assert.equal((await call('POST', `/api/v1/devices/${Z2M_ID}/approve`)).status, 200);
  assert.equal(await birth, 'online');
  answer(z2m, 'zigbee2mqtt/Front door/set', 'zigbee2mqtt/Front door', (payload) => {
    // Zigbee2MQTT takes the plain word on /set (it announces no payload_lock).
    const asked = payload;
    return JSON.stringify({
      state: asked,
      lock_state: asked === 'LOCK' ? 'locked' : 'unlocked',
      battery: 91,
      linkquality: 120,
    });
  });
  await z2m.publishAsync('zigbee2mqtt/bridge/state', JSON.stringify({ state: 'online' }), {
    qos: 1,
    retain: true,
  });
  await z2m.publishAsync(
    'zigbee2mqtt/Front door',
    JSON.stringify({ state: 'UNLOCK', battery: 92 }),
    { qos: 1, retain: true },
  );
  await waitUntil('online', async () => (await device(Z2M_ID)).availability === 'online');

  const locked = await call('POST', `/api/v1/devices/${Z2M_ID}/lock`);
  assert.equal(locked.status, 200, JSON.stringify(locked.body));
  assert.equal(locked.body.state, 'locked');
  assert.equal((await device(Z2M_ID)).battery, 91);
  const unlocked = await call('POST', `/api/v1/devices/${Z2M_ID}/unlock`);
  assert.equal(unlocked.body.state, 'unlocked');
  const open = await call('POST', `/api/v1/devices/${Z2M_ID}/open`);
  assert.equal(open.status, 409);
  assert.equal(open.body.error.code, 'not_supported');
  const audit = (await call('GET', '/api/v1/audit?limit=5')).body.entries;
  assert.deepEqual(
    audit
      .slice(0, 3)
      .map((entry: { command: string; result: string }) => `${entry.command}:${entry.result}`),
    ['OPEN:not_supported', 'UNLOCK:ok', 'LOCK:ok'],
  );

  await z2m.publishAsync('zigbee2mqtt/bridge/state', JSON.stringify({ state: 'offline' }), {
    qos: 1,
    retain: true,
  });
  await waitUntil('offline', async () => (await device(Z2M_ID)).availability === 'offline');
  const refused = await call('POST', `/api/v1/devices/${Z2M_ID}/lock`);
  assert.equal(refused.body.error.code, 'offline');
  await z2m.publishAsync('zigbee2mqtt/bridge/state', JSON.stringify({ state: 'online' }), {
    qos: 1,
    retain: true,
  });
  await waitUntil('online again', async () => (await device(Z2M_ID)).availability === 'online');
});

test('an ESPHome lock (abbreviated config): LOCKED confirms, JAMMED fails at once, its status topic is its availability', async () => {
  await esphome.publishAsync(ESPHOME_TOPIC, JSON.stringify(ESPHOME_CONFIG), {
    qos: 1,
    retain: true,
  });
  await waitUntil('announced', () => device(ESPHOME_ID));
  await call('POST', `/api/v1/devices/${ESPHOME_ID}/approve`);
  let jam = false;
  answer(esphome, 'backdoor/lock/back_door/command', 'backdoor/lock/back_door/state', (word) =>
    jam ? 'JAMMED' : word === 'LOCK' ? 'LOCKED' : 'UNLOCKED',
  );
  await esphome.publishAsync('backdoor/status', 'online', { qos: 1, retain: true });
  await waitUntil('online', async () => (await device(ESPHOME_ID)).availability === 'online');
  const locked = await call('POST', `/api/v1/devices/${ESPHOME_ID}/lock`);
  assert.equal(locked.body.state, 'locked', JSON.stringify(locked.body));
  jam = true;
  const jammed = await call('POST', `/api/v1/devices/${ESPHOME_ID}/unlock`);
  assert.equal(jammed.status, 409);
  assert.equal(jammed.body.error.code, 'jammed');
  assert.equal((await device(ESPHOME_ID)).state, 'jammed');
  jam = false;
});

test('an image entity (base64) is a camera: once approved its pictures are stored as strangers', async () => {
  const config = {
    name: 'Driveway',
    image_topic: 'backdoor/image/driveway',
    image_encoding: 'b64',
    unique_id: 'drive1',
    device: { identifiers: ['backdoor'], name: 'backdoor' },
  };
  await esphome.publishAsync(
    'homeassistant/image/backdoor/driveway/config',
    JSON.stringify(config),
    { qos: 1 },
  );
  const id = 'ha.backdoor.driveway';
  await waitUntil('announced', () => device(id));
  assert.equal((await device(id)).kind, 'camera');
  // Before approval its pictures are not taken.
  await esphome.publishAsync('backdoor/image/driveway', jpeg(3_000, 1).toString('base64'), {
    qos: 1,
  });
  await delay(200);
  assert.equal((await call('GET', '/api/v1/strangers')).body.strangers.length, 0);
  await call('POST', `/api/v1/devices/${id}/approve`);
  await delay(100);
  await esphome.publishAsync('backdoor/image/driveway', jpeg(3_000, 2).toString('base64'), {
    qos: 1,
  });
  const stored = await waitUntil('stored', async () => {
    const list = (await call('GET', '/api/v1/strangers')).body.strangers;
    return list.length === 1 ? list[0] : null;
  });
  assert.equal(stored.camera, id);
});

test('an image entity with url_topic: the picture at that URL is fetched and stored; a file: URL is refused', async () => {
  const picture = jpeg(5_000, 3);
  const server = createServer((request, response) => {
    response.writeHead(200, { 'content-type': 'image/jpeg' });
    response.end(picture);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  try {
    const config = { name: 'Gate', url_topic: 'backdoor/image/gate/url', unique_id: 'gate1' };
    await esphome.publishAsync('homeassistant/image/backdoor/gate/config', JSON.stringify(config), {
      qos: 1,
    });
    const id = 'ha.backdoor.gate';
    await waitUntil('announced', () => device(id));
    await call('POST', `/api/v1/devices/${id}/approve`);
    await delay(100);
    const before = (await call('GET', '/api/v1/strangers')).body.strangers.length;
    await esphome.publishAsync('backdoor/image/gate/url', 'file:///etc/passwd', { qos: 1 });
    await waitUntil('the refusal noted', async () =>
      (await call('GET', '/api/v1/activity?limit=50')).body.entries.some(
        (entry: { kind: string; message: string }) =>
          entry.kind === 'stranger_refused' &&
          /only http and https pictures are fetched/.test(entry.message),
      ),
    );
    await esphome.publishAsync('backdoor/image/gate/url', `http://127.0.0.1:${port}/snapshot.jpg`, {
      qos: 1,
    });
    const stored = await waitUntil('stored', async () => {
      const list = (await call('GET', '/api/v1/strangers')).body.strangers;
      return list.length === before + 1
        ? list.find((each: { camera: string }) => each.camera === id)
        : null;
    });
    const bytes = Buffer.from(await (await fetch(new URL(stored.url, hub.httpUrl))).arrayBuffer());
    assert.ok(bytes.equals(picture), 'the very picture that URL served');
  } finally {
    server.close();
  }
});

test('bad configs are refused with a note naming the problem, and nothing changes', async () => {
  const before = (await call('GET', '/api/v1/devices')).body.devices.length;
  const cases: Array<[MqttClient, string, string | Buffer, RegExp]> = [
    [z2m, 'homeassistant/lock/x1/config', 'not json {', /JSON/i],
    [
      z2m,
      'homeassistant/lock/x2/config',
      JSON.stringify({ state_topic: 'zigbee2mqtt/x2' }),
      /command_topic/,
    ],
    [z2m, 'homeassistant/lock/x3/config', JSON.stringify({ command_topic: '#' }), /command_topic/],
    [
      z2m,
      'homeassistant/lock/x4/config',
      JSON.stringify({ command_topic: 'hearth/devices/front/set' }),
      /command_topic/,
    ],
    // Another bridge's lock: outside this account's rights.
    [
      z2m,
      'homeassistant/lock/x5/config',
      JSON.stringify({ command_topic: 'backdoor/lock/back_door/command' }),
      /outside what integration zigbee2mqtt-[0-9a-f]+ may subscribe to/,
    ],
    [
      z2m,
      'homeassistant/lock/x6/config',
      JSON.stringify({
        command_topic: 'zigbee2mqtt/x6/set',
        state_topic: 'zigbee2mqtt/x6',
        value_template: '{{ value_json.state | upper }}',
      }),
      /value_template .* not supported/,
    ],
    [
      z2m,
      'homeassistant/lock/x7/config',
      JSON.stringify({ command_topic: 'zigbee2mqtt/x7/set', code_format: '^\\d{4}$' }),
      /code/,
    ],
    // The Zigbee2MQTT lock's command topic, claimed by another config.
    [
      z2m,
      'homeassistant/lock/x8/config',
      JSON.stringify({ command_topic: 'zigbee2mqtt/Front door/set' }),
      /already belongs to/,
    ],
  ];
  for (const [client, topic, payload] of cases)
    await client.publishAsync(topic, payload, { qos: 1 });
  const notes = await waitUntil('every refusal noted', async () => {
    const seen = await refusals();
    return seen.length >= cases.length ? seen : null;
  });
  for (const [, topic, , why] of cases) {
    const note = notes.find((message) => message.includes(topic));
    assert.ok(note, `a note for ${topic}`);
    assert.match(note, why, topic);
  }
  assert.equal((await call('GET', '/api/v1/devices')).body.devices.length, before);
});

test('only integration accounts announce: what a control token sends there announces nothing', async () => {
  const code = (await call('POST', '/api/v1/pairing-codes')).body.code;
  const paired = await call('POST', '/api/v1/pair', { code, name: 'phone' });
  const phone = await mqtt.connectAsync(hub.mqttUrl, {
    username: 'token',
    password: paired.body.token,
    reconnectPeriod: 0,
  });
  try {
    // The broker does not even take it (a control token has no rights outside hearth/).
    phone.publish(
      'homeassistant/lock/phone/x/config',
      JSON.stringify({ command_topic: 'phone/x/set' }),
      { qos: 0 },
    );
    await delay(300);
    assert.equal(await device('ha.phone.x'), null);
  } finally {
    await phone.endAsync(true);
  }
});

test('new payloads mid-command fail that command; an empty config asks the owner to confirm removal', async () => {
  // The bridge stops answering; a command waits for its word.
  z2m.removeAllListeners('message');
  const inFlight = call('POST', `/api/v1/devices/${Z2M_ID}/lock`);
  await delay(150);
  await z2m.publishAsync(
    Z2M_TOPIC,
    JSON.stringify({ ...Z2M_CONFIG, payload_lock: '{"state": "LOCK"}' }),
    {
      qos: 1,
      retain: true,
    },
  );
  const failed = await inFlight;
  assert.equal(failed.status, 409, JSON.stringify(failed.body));
  assert.equal(failed.body.error.code, 'superseded');
  assert.match(failed.body.error.message, /announced new topics or payloads during the command/);

  await z2m.publishAsync(Z2M_TOPIC, '', { qos: 1, retain: true });
  const withdrawn = await waitUntil('withdrawn', async () => {
    const found = await device(Z2M_ID);
    return found?.bridge?.removalRequested ? found : null;
  });
  assert.equal(withdrawn.status, 'approved', 'it stays until the owner confirms');
  assert.equal((await call('DELETE', `/api/v1/devices/${Z2M_ID}`)).status, 200);
  assert.equal(await device(Z2M_ID), null);
});

// Last: the flood uses up the Zigbee2MQTT account's burst for the next 10 s.
test('a flood of configs is cut off after a burst, said once', async () => {
  const before = (await call('GET', '/api/v1/devices')).body.devices.length;
  for (let i = 0; i < 60; i++) {
    await z2m.publishAsync(
      `homeassistant/lock/flood${i}/config`,
      JSON.stringify({
        command_topic: `zigbee2mqtt/flood${i}/set`,
        state_topic: `zigbee2mqtt/flood${i}`,
      }),
      { qos: 1 },
    );
  }
  await delay(300);
  const added = (await call('GET', '/api/v1/devices')).body.devices.length - before;
  assert.ok(added <= 30 && added > 0, `at most one burst's worth joined (${added})`);
  const notes = (await refusals()).filter((note) => /too many configs/.test(note));
  assert.equal(notes.length, 1);
});
