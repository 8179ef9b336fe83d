// Discovery configs as real firmware publishes them, parsed into what Hearth drives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  BridgeMappingSchema,
  CameraMappingSchema,
  LockMappingSchema,
} from '../../../src-main/shared/bridge-mapping.js';
import { DeviceIdParamSchema, DeviceNameSchema } from '../../../src-main/shared/devices.js';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';
import {
  parseDiscoveryConfig,
  type DiscoveredEntity,
  type DiscoveryOutcome,
} from '../../../src-main/hub/bridges/ha/parse-discovery.js';
import { readNumber, readValue } from '../../../src-main/hub/bridges/ha/value-template.js';
import {
  esphomeLock,
  gateDevice,
  nukiFirmwareLock,
  nukiHubLock,
  payloadOf,
  zigbee2mqttLock,
  zigbee2mqttState,
} from './fixtures.js';

function parse(topic: string, config: unknown): DiscoveryOutcome {
  const parsed = parseDiscoveryTopic(topic, 'homeassistant');
  assert.ok(parsed, `${topic} is a discovery topic`);
  return parseDiscoveryConfig(
    parsed,
    typeof config === 'string' ? Buffer.from(config) : payloadOf(config),
  );
}

/** The entities, each checked against the shared schemas the device record uses. */
function entitiesOf(outcome: DiscoveryOutcome): DiscoveredEntity[] {
  assert.equal(outcome.kind, 'entities', JSON.stringify(outcome));
  const { entities } = outcome as Extract<DiscoveryOutcome, { kind: 'entities' }>;
  for (const entity of entities) {
    DeviceIdParamSchema.parse(entity.deviceId);
    assert.equal(DeviceNameSchema.parse(entity.name), entity.name);
    if (entity.lock) LockMappingSchema.parse(entity.lock);
    if (entity.camera) CameraMappingSchema.parse(entity.camera);
    BridgeMappingSchema.parse({
      source: 'ha-discovery',
      integrationId: null,
      configTopic: 'homeassistant/x/config',
      model: entity.model,
      availability: entity.availability,
      lock: entity.lock,
      camera: entity.camera,
      frigateCamera: null,
      removalRequested: false,
    });
  }
  return entities;
}

function only(outcome: DiscoveryOutcome): DiscoveredEntity {
  const entities = entitiesOf(outcome);
  assert.equal(entities.length, 1);
  return entities[0] as DiscoveredEntity;
}

test('an ESPHome lock (abbreviated keys, defaults, open supported)', () => {
  const outcome = parse(esphomeLock.topic, esphomeLock.config);
  assert.deepEqual(outcome, {
    kind: 'entities',
    ignored: [],
    entities: [
      {
        kind: 'lock',
        deviceId: 'ha.front-door.front_door_lock',
        name: 'Front Door Lock',
        model: 'Espressif esp32dev',
        uniqueId: 'ESPlockfront_door_lock',
        lock: {
          commandTopic: 'front-door/lock/front_door_lock/command',
          stateTopic: 'front-door/lock/front_door_lock/state',
          payloadLock: 'LOCK',
          payloadUnlock: 'UNLOCK',
          payloadOpen: 'OPEN',
          states: {
            LOCKED: 'LOCKED',
            UNLOCKED: 'UNLOCKED',
            LOCKING: 'LOCKING',
            UNLOCKING: 'UNLOCKING',
            JAMMED: 'JAMMED',
          },
          valuePath: null,
          batteryPath: null,
        },
        camera: null,
        availability: {
          topics: [
            {
              topic: 'front-door/status',
              payloadAvailable: 'online',
              payloadNotAvailable: 'offline',
              valuePath: null,
            },
          ],
          mode: 'latest',
        },
      },
    ],
  });
  entitiesOf(outcome);
});

test('an ESPHome lock without a name of its own is named after the device', () => {
  const { pl_open: _open, ...config } = { ...esphomeLock.config, name: '' };
  const entity = only(parse(esphomeLock.topic, config));
  assert.equal(entity.name, 'Front Door');
  assert.equal(entity.lock?.payloadOpen, null, 'no pl_open: the lock cannot unlatch');
});

test('a Zigbee2MQTT lock (JSON state, LOCK/UNLOCK words, two availability topics)', () => {
  const entity = only(parse(zigbee2mqttLock.topic, zigbee2mqttLock.config));
  assert.deepEqual(entity, {
    kind: 'lock',
    deviceId: 'ha.0x000d6f0012345678.lock',
    name: 'Front door',
    model: 'Yale Assure lock SL (YRD256HA20BP)',
    uniqueId: '0x000d6f0012345678_lock_zigbee2mqtt',
    lock: {
      commandTopic: 'zigbee2mqtt/Front door/set',
      stateTopic: 'zigbee2mqtt/Front door',
      payloadLock: 'LOCK',
      payloadUnlock: 'UNLOCK',
      payloadOpen: null,
      states: {
        LOCKED: 'LOCK',
        UNLOCKED: 'UNLOCK',
        LOCKING: 'LOCKING',
        UNLOCKING: 'UNLOCKING',
        JAMMED: 'JAMMED',
      },
      valuePath: ['state'],
      batteryPath: ['battery'],
    },
    camera: null,
    availability: {
      topics: [
        {
          topic: 'zigbee2mqtt/bridge/state',
          payloadAvailable: 'online',
          payloadNotAvailable: 'offline',
          valuePath: ['state'],
        },
        {
          topic: 'zigbee2mqtt/Front door/availability',
          payloadAvailable: 'online',
          payloadNotAvailable: 'offline',
          valuePath: ['state'],
        },
      ],
      mode: 'all',
    },
  });

  // What the mapping reads from Zigbee2MQTT's messages.
  const state = payloadOf(zigbee2mqttState);
  assert.equal(readValue(state, entity.lock?.valuePath ?? null), entity.lock?.states.LOCKED);
  assert.equal(readNumber(state, entity.lock?.batteryPath ?? null), 87);
  const bridge = payloadOf({ state: 'online' });
  assert.equal(readValue(bridge, entity.availability?.topics[0]?.valuePath ?? null), 'online');
});

test('a Zigbee2MQTT lock whose owner overrides payload_lock with JSON keeps it as it is', () => {
  const entity = only(
    parse(zigbee2mqttLock.topic, {
      ...zigbee2mqttLock.config,
      payload_lock: '{"state": "LOCK"}',
      payload_unlock: '{"state": "UNLOCK"}',
    }),
  );
  assert.equal(entity.lock?.payloadLock, '{"state": "LOCK"}');
  assert.equal(entity.lock?.payloadUnlock, '{"state": "UNLOCK"}');
});

test('a Nuki Hub lock (~ base topic, open, lower-case words, avty list)', () => {
  const entity = only(parse(nukiHubLock.topic, nukiHubLock.config));
  assert.deepEqual(entity, {
    kind: 'lock',
    deviceId: 'ha.3a4b5c6d.smartlock',
    name: 'Front door',
    model: 'Nuki SmartLock',
    uniqueId: '3a4b5c6d_lock',
    lock: {
      commandTopic: 'nuki/lock/action',
      stateTopic: 'nuki/lock/hastate',
      payloadLock: 'lock',
      payloadUnlock: 'unlock',
      payloadOpen: 'unlatch',
      states: {
        LOCKED: 'locked',
        UNLOCKED: 'unlocked',
        LOCKING: 'locking',
        UNLOCKING: 'unlocking',
        JAMMED: 'jammed',
      },
      valuePath: null,
      batteryPath: null,
    },
    camera: null,
    availability: {
      topics: [
        {
          topic: 'nuki/maintenance/mqttConnectionState',
          payloadAvailable: 'online',
          payloadNotAvailable: 'offline',
          valuePath: null,
        },
      ],
      mode: 'latest',
    },
  });
});

test('availability given as one object, not a list (older Nuki Hub), is taken as a list of one', () => {
  const entity = only(
    parse(nukiHubLock.topic, {
      ...nukiHubLock.config,
      avty: { t: 'nuki/maintenance/mqttConnectionState' },
    }),
  );
  assert.deepEqual(
    entity.availability?.topics.map((t) => t.topic),
    ['nuki/maintenance/mqttConnectionState'],
  );
});

test("Nuki's own firmware config is refused: its value_template uses {% if %}", () => {
  const outcome = parse(nukiFirmwareLock.topic, nukiFirmwareLock.config);
  assert.equal(outcome.kind, 'refused');
  assert.match(
    outcome.kind === 'refused' ? outcome.problem : '',
    /^value_template "\{% if value in/,
  );
  // The same config without the template is fine: numeric words, availability true/false.
  const { val_tpl: _template, ...plain } = nukiFirmwareLock.config;
  const entity = only(parse(nukiFirmwareLock.topic, plain));
  assert.equal(entity.deviceId, 'ha.3A4B5C6D_lock');
  assert.equal(entity.name, 'Front door', 'an entity name equal to the device name is not doubled');
  assert.equal(entity.model, 'Nuki Smart Lock 3.0 Pro');
  assert.deepEqual(
    [entity.lock?.commandTopic, entity.lock?.stateTopic, entity.lock?.payloadOpen],
    ['nuki/3A4B5C6D/lockAction', 'nuki/3A4B5C6D/state', '3'],
  );
  assert.deepEqual(entity.lock?.states, {
    LOCKED: '1',
    UNLOCKED: '3',
    LOCKING: '4',
    UNLOCKING: '2',
    JAMMED: '254',
  });
  assert.deepEqual(entity.availability?.topics, [
    {
      topic: 'nuki/3A4B5C6D/connected',
      payloadAvailable: 'true',
      payloadNotAvailable: 'false',
      valuePath: null,
    },
  ]);
});

test('an abbreviated config with ~ at the start and the end of topics', () => {
  const entity = only(
    parse('homeassistant/lock/garage/config', {
      '~': 'home/garage/lock',
      name: 'Garage',
      cmd_t: '~/set',
      stat_t: '~/state',
      avty_t: 'status/~',
      avty_tpl: '{{ value_json.availability }}',
      pl_avail: 'up',
      pl_not_avail: 'down',
      json_attr_t: '~/attributes',
      stat_locked: 'closed',
      stat_unlocked: 'open',
      val_tpl: "{{ value_json['lock']['state'] }}",
    }),
  );
  assert.deepEqual(
    [entity.deviceId, entity.name, entity.model, entity.uniqueId],
    ['ha.garage', 'Garage', null, null],
  );
  assert.equal(entity.lock?.commandTopic, 'home/garage/lock/set');
  assert.equal(entity.lock?.stateTopic, 'home/garage/lock/state');
  assert.deepEqual(entity.lock?.valuePath, ['lock', 'state']);
  assert.deepEqual(entity.lock?.batteryPath, ['battery']);
  assert.deepEqual(entity.availability, {
    topics: [
      {
        topic: 'status/home/garage/lock',
        payloadAvailable: 'up',
        payloadNotAvailable: 'down',
        valuePath: ['availability'],
      },
    ],
    mode: 'latest',
  });
});

test('a lock without state_topic is optimistic: stateTopic null', () => {
  const entity = only(parse('homeassistant/lock/shed/config', { cmd_t: 'shed/lock/set' }));
  assert.equal(entity.lock?.stateTopic, null);
  assert.equal(entity.name, 'shed', 'no name anywhere: the object id');
  assert.equal(entity.availability, null);
});

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
