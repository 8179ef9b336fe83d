// Discovery configs as real firmware publishes them: device-based configs, images, cameras,
// names and withdrawals, parsed into what Hearth drives (locks: parse-discovery-locks.test.ts).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';
import { parseDiscoveryConfig } from '../../../src-main/hub/bridges/ha/parse-discovery.js';
import { gateDevice, zigbee2mqttLock } from './fixtures.js';
import { entitiesOf, only, parse } from './parse-support.js';

test('a device-based config with a lock, an image and two sensors', () => {
  const outcome = parse(gateDevice.topic, gateDevice.config);
  const entities = entitiesOf(outcome);
  assert.deepEqual((outcome as { ignored: string[] }).ignored, ['sensor']);
  const sharedAvailability = {
    topics: [
      {
        topic: 'gatebox/01/status',
        payloadAvailable: 'online',
        payloadNotAvailable: 'offline',
        valuePath: null,
      },
    ],
    mode: 'latest',
  };
  assert.deepEqual(entities, [
    {
      kind: 'lock',
      deviceId: 'ha.gate_controller_01.gate_lock',
      name: 'Garden gate Lock',
      model: 'Acme GateBox',
      uniqueId: 'gate01_lock',
      lock: {
        commandTopic: 'gatebox/01/lock/set',
        stateTopic: 'gatebox/01/state',
        payloadLock: 'LOCK',
        payloadUnlock: 'UNLOCK',
        payloadOpen: null,
        states: {
          LOCKED: 'LOCKED',
          UNLOCKED: 'UNLOCKED',
          LOCKING: 'LOCKING',
          UNLOCKING: 'UNLOCKING',
          JAMMED: 'JAMMED',
        },
        valuePath: ['lock'],
        batteryPath: ['battery'],
      },
      camera: null,
      availability: sharedAvailability,
    },
    {
      kind: 'camera',
      deviceId: 'ha.gate_controller_01.snapshot',
      name: 'Garden gate Snapshot',
      model: 'Acme GateBox',
      uniqueId: 'gate01_snapshot',
      lock: null,
      camera: { imageTopic: 'gatebox/01/snapshot', encoding: 'b64', urlTopic: null },
      availability: sharedAvailability,
    },
  ]);
});

test('device-based: a component overrides a shared option, and a top-level ~ applies', () => {
  const entities = entitiesOf(
    parse('homeassistant/device/bridge/porch/config', {
      dev: { ids: 'porch', name: 'Porch' },
      o: { name: 'porch2mqtt' },
      '~': 'porch',
      stat_t: '~/state',
      avty: [{ t: '~/online' }],
      cmps: {
        door: { p: 'lock', cmd_t: '~/door/set', avty_t: 'porch/door/status', avty: null },
        side: { p: 'lock', '~': 'side', cmd_t: '~/set', stat_t: '~/state' },
        cam: { p: 'camera', t: '~/camera' },
        old: { p: 'lock' },
      },
    }),
  );
  assert.deepEqual(
    entities.map((e) => [
      e.deviceId,
      e.name,
      e.lock?.commandTopic,
      e.lock?.stateTopic,
      e.camera?.imageTopic,
    ]),
    [
      ['ha.bridge.porch.door', 'Porch', 'porch/door/set', 'porch/state', undefined],
      ['ha.bridge.porch.side', 'Porch', 'side/set', 'side/state', undefined],
      ['ha.bridge.porch.cam', 'Porch', undefined, undefined, 'porch/camera'],
    ],
  );
  assert.deepEqual(
    entities[0]?.availability?.topics.map((t) => t.topic),
    ['porch/door/status'],
  );
  assert.deepEqual(
    entities[1]?.availability?.topics.map((t) => t.topic),
    ['side/online'],
  );
});

test('an image with image_encoding b64, and one by URL', () => {
  const b64 = only(
    parse('homeassistant/image/doorbell/snapshot/config', {
      name: 'Doorbell snapshot',
      image_topic: 'doorbell/snapshot',
      image_encoding: 'b64',
      content_type: 'image/jpeg',
      unique_id: 'doorbell_snapshot',
    }),
  );
  assert.deepEqual(
    [b64.kind, b64.deviceId, b64.name, b64.camera, b64.lock],
    [
      'camera',
      'ha.doorbell.snapshot',
      'Doorbell snapshot',
      { imageTopic: 'doorbell/snapshot', encoding: 'b64', urlTopic: null },
      null,
    ],
  );
  const raw = only(parse('homeassistant/image/doorbell/raw/config', { img_t: 'doorbell/raw' }));
  assert.deepEqual(raw.camera, { imageTopic: 'doorbell/raw', encoding: 'raw', urlTopic: null });
  const url = only(
    parse('homeassistant/image/driveway/config', { name: 'Driveway', url_t: 'driveway/url' }),
  );
  assert.deepEqual(url.camera, { imageTopic: null, encoding: 'raw', urlTopic: 'driveway/url' });
});

test('a camera with topic', () => {
  const camera = only(
    parse('homeassistant/camera/porch/cam/config', {
      name: 'Camera',
      t: 'porch/cam/jpeg',
      uniq_id: 'porch_cam',
      dev: { ids: ['porch-cam'], name: 'Porch', mf: 'Acme', mdl: 'Acme Cam 2' },
    }),
  );
  assert.deepEqual(camera, {
    kind: 'camera',
    deviceId: 'ha.porch.cam',
    name: 'Porch Camera',
    model: 'Acme Cam 2',
    uniqueId: 'porch_cam',
    lock: null,
    camera: { imageTopic: 'porch/cam/jpeg', encoding: 'raw', urlTopic: null },
    availability: null,
  });
  const b64 = only(
    parse('homeassistant/camera/porch/cam/config', {
      topic: 'porch/cam/b64',
      image_encoding: 'b64',
    }),
  );
  assert.equal(b64.camera?.encoding, 'b64');
});

test('components Hearth does not handle are ignored by name', () => {
  assert.deepEqual(
    parse('homeassistant/sensor/0x000d6f0012345678/battery/config', {
      name: 'Battery',
      state_topic: 'zigbee2mqtt/Front door',
      value_template: '{{ value_json.battery | float }}',
    }),
    { kind: 'entities', entities: [], ignored: ['sensor'] },
  );
  assert.deepEqual(parse('homeassistant/binary_sensor/x/config', { stat_t: '#' }), {
    kind: 'entities',
    entities: [],
    ignored: ['binary_sensor'],
  });
});

test('an empty payload withdraws the config; so does a discovery migration', () => {
  const topic = parseDiscoveryTopic(zigbee2mqttLock.topic, 'homeassistant');
  assert.ok(topic);
  assert.deepEqual(parseDiscoveryConfig(topic, Buffer.alloc(0)), { kind: 'removed' });
  assert.deepEqual(parse(zigbee2mqttLock.topic, { migr_discvry: true }), { kind: 'removed' });
  assert.deepEqual(parse(gateDevice.topic, { migrate_discovery: true }), { kind: 'removed' });
  // Not a migration: Home Assistant validates it as a config.
  assert.equal(
    parse(zigbee2mqttLock.topic, { migrate_discovery: true, name: 'x' }).kind,
    'refused',
  );
});

test('names: device + entity, an entity name starting with the device name, clipped to 64', () => {
  const name = (config: object): string =>
    only(parse('homeassistant/lock/n/config', { cmd_t: 'n/set', ...config })).name;
  assert.equal(name({ name: 'Back door', dev: { name: 'Back door' } }), 'Back door');
  assert.equal(name({ name: 'back door bolt', dev: { name: 'Back door' } }), 'Back door bolt');
  assert.equal(name({ name: 'Bolt', dev: { name: 'Back door' } }), 'Back door Bolt');
  assert.equal(name({ name: '  Bolt  ' }), 'Bolt');
  assert.equal(name({ name: null, dev: { name: null } }), 'n');
  assert.equal(name({ name: 'Bolt\n\u0000 2', dev: { name: ' Back\tdoor ' } }), 'Back door Bolt 2');
  const long = name({ name: 'b'.repeat(40), dev: { name: 'd'.repeat(40) } });
  assert.equal(long, `${'d'.repeat(40)} ${'b'.repeat(23)}`);
  assert.equal(long.length, 64);
});

test('device-based: an empty component key falls back to the object id for the name', () => {
  const entities = entitiesOf(
    parse('homeassistant/device/porch/config', {
      dev: { ids: 'porch' },
      cmps: { '': { p: 'lock', cmd_t: 'a/set' } },
    }),
  );
  assert.deepEqual(
    entities.map((e) => [e.deviceId, e.name]),
    [['ha.porch.', 'porch']],
  );
});
