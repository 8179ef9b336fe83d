// Lock discovery configs as ESPHome, Zigbee2MQTT and Nuki Hub publish them, parsed into what
// Hearth drives.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readNumber, readValue } from '../../../src-main/hub/bridges/ha/value-template.js';
import {
  esphomeLock,
  nukiFirmwareLock,
  nukiHubLock,
  payloadOf,
  zigbee2mqttLock,
  zigbee2mqttState,
} from './fixtures.js';
import { entitiesOf, only, parse } from './parse-support.js';

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
