// Home Assistant discovery config topics: which are, which are not.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';

test('component/object_id/config', () => {
  assert.deepEqual(
    parseDiscoveryTopic('homeassistant/lock/3A4B5C6D_lock/config', 'homeassistant'),
    {
      component: 'lock',
      nodeId: null,
      objectId: '3A4B5C6D_lock',
      deviceBased: false,
    },
  );
});

test('component/node_id/object_id/config (ESPHome, Zigbee2MQTT)', () => {
  assert.deepEqual(
    parseDiscoveryTopic('homeassistant/lock/front-door/front_door_lock/config', 'homeassistant'),
    { component: 'lock', nodeId: 'front-door', objectId: 'front_door_lock', deviceBased: false },
  );
  assert.deepEqual(
    parseDiscoveryTopic('homeassistant/lock/0x000d6f0012345678/lock/config', 'homeassistant'),
    { component: 'lock', nodeId: '0x000d6f0012345678', objectId: 'lock', deviceBased: false },
  );
});

test('device-based, with and without a node id', () => {
  assert.deepEqual(parseDiscoveryTopic('homeassistant/device/gate_01/config', 'homeassistant'), {
    component: 'device',
    nodeId: null,
    objectId: 'gate_01',
    deviceBased: true,
  });
  assert.deepEqual(
    parseDiscoveryTopic('homeassistant/device/bridge/gate_01/config', 'homeassistant'),
    {
      component: 'device',
      nodeId: 'bridge',
      objectId: 'gate_01',
      deviceBased: true,
    },
  );
});

test('a prefix with levels of its own', () => {
  assert.deepEqual(parseDiscoveryTopic('site/ha/camera/porch/config', 'site/ha'), {
    component: 'camera',
    nodeId: null,
    objectId: 'porch',
    deviceBased: false,
  });
});

test('not discovery config topics', () => {
  const prefix = 'homeassistant';
  for (const topic of [
    'homeassistant/lock/config', // too few levels
    'homeassistant/lock/a/b/c/config', // too many
    'homeassistant/lock/a/b/state', // not config
    'homeassistant/lock/a/state',
    'homeassistantx/lock/a/config', // another prefix
    'other/lock/a/config',
    'homeassistant/lock//config', // empty id
    'homeassistant//a/config', // empty component
    'homeassistant/lock/front door/config', // HA ids are [a-zA-Z0-9_-]
    'homeassistant/lock/front.door/config',
    'homeassistant/lock/+/config',
    'homeassistant/lock/#/config',
    'homeassistant/lock/a b/c/config',
    'homeassistant/lo-ck/a/config', // a component is \w+
    'homeassistant/lock/ä/config',
    `homeassistant/lock/${'a'.repeat(500)}/config`, // longer than Hearth keeps (512)
  ]) {
    assert.equal(parseDiscoveryTopic(topic, prefix), null, topic);
  }
  assert.equal(parseDiscoveryTopic('lock/a/config', ''), null, 'an empty prefix');
});
