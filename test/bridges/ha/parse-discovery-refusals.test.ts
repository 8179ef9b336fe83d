// Configs Hearth refuses, each with the one sentence the owner reads, naming the key at fault.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';
import { parseDiscoveryConfig } from '../../../src-main/hub/bridges/ha/parse-discovery.js';
import { gateDevice, payloadOf, zigbee2mqttLock } from './fixtures.js';

const LOCK_TOPIC = zigbee2mqttLock.topic;

function problemOf(topic: string, payload: Buffer | object): string {
  const parsed = parseDiscoveryTopic(topic, 'homeassistant');
  assert.ok(parsed, topic);
  const outcome = parseDiscoveryConfig(
    parsed,
    Buffer.isBuffer(payload) ? payload : payloadOf(payload),
  );
  assert.equal(outcome.kind, 'refused', JSON.stringify(outcome));
  return outcome.kind === 'refused' ? outcome.problem : '';
}

/** Asserts the exact sentence, and that it names the key. */
function refuses(topic: string, payload: Buffer | object, problem: string, key: string): void {
  const actual = problemOf(topic, payload);
  assert.equal(actual, problem);
  assert.ok(actual.includes(key), `"${actual}" names ${key}`);
}

const lock = (changes: Record<string, unknown>): Record<string, unknown> => ({
  ...zigbee2mqttLock.config,
  ...changes,
});

test('not JSON, not an object, too big, not UTF-8', () => {
  refuses(LOCK_TOPIC, Buffer.from('{"command_topic": '), 'the config is not JSON', 'JSON');
  refuses(LOCK_TOPIC, Buffer.from('LOCK'), 'the config is not JSON', 'JSON');
  refuses(
    LOCK_TOPIC,
    [zigbee2mqttLock.config],
    'the config must be a JSON object, not a list',
    'object',
  );
  refuses(
    LOCK_TOPIC,
    Buffer.from('"text"'),
    'the config must be a JSON object, not a string',
    'object',
  );
  refuses(LOCK_TOPIC, Buffer.from('null'), 'the config must be a JSON object, not null', 'object');
  const big = payloadOf({ ...zigbee2mqttLock.config, padding: 'x'.repeat(16 * 1024) });
  refuses(LOCK_TOPIC, big, `the config is larger than 16 KiB (${big.length} bytes)`, '16 KiB');
  refuses(LOCK_TOPIC, Buffer.from([0x7b, 0xff, 0x7d]), 'the config is not UTF-8 text', 'UTF-8');
});

test('a config of exactly 16 KiB is read', () => {
  const base = payloadOf({ ...zigbee2mqttLock.config, padding: '' });
  const exact = payloadOf({
    ...zigbee2mqttLock.config,
    padding: 'x'.repeat(16 * 1024 - base.length),
  });
  assert.equal(exact.length, 16 * 1024);
  const parsed = parseDiscoveryTopic(LOCK_TOPIC, 'homeassistant');
  assert.ok(parsed);
  assert.equal(parseDiscoveryConfig(parsed, exact).kind, 'entities');
});

test('a lock without command_topic', () => {
  const { command_topic: _c, ...config } = zigbee2mqttLock.config;
  refuses(LOCK_TOPIC, config, 'the lock lacks command_topic', 'command_topic');
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: null }),
    'the lock lacks command_topic',
    'command_topic',
  );
});

test('topics Hearth may not use, with the key named', () => {
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: '#' }),
    'command_topic "#" is refused: a topic has no wildcards',
    'command_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: 'zigbee2mqtt/+/set' }),
    'command_topic "zigbee2mqtt/+/set" is refused: a topic has no wildcards',
    'command_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: 'hearth/devices/x/set' }),
    'command_topic "hearth/devices/x/set" is refused: hearth/ is the hub’s',
    'command_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: '$SYS/x' }),
    'command_topic "$SYS/x" is refused: $ topics are the broker’s',
    'command_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ state_topic: 'zigbee2mqtt/#' }),
    'state_topic "zigbee2mqtt/#" is refused: a topic has no wildcards',
    'state_topic',
  );
  refuses(LOCK_TOPIC, lock({ command_topic: '' }), 'command_topic is empty', 'command_topic');
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: `a/${'b'.repeat(300)}` }),
    'command_topic is longer than 256 characters',
    'command_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability: [{ topic: 'zigbee2mqtt/bridge/state' }, { topic: 'hearth/devices' }] }),
    'availability[1].topic "hearth/devices" is refused: hearth/ is the hub’s',
    'availability[1].topic',
  );
  refuses(
    LOCK_TOPIC,
    { cmd_t: 'a/set', avty_t: '$SYS/broker/uptime' },
    'availability_topic "$SYS/broker/uptime" is refused: $ topics are the broker’s',
    'availability_topic',
  );
  // `~` can make a topic Hearth refuses, and the key is still named.
  refuses(
    'homeassistant/lock/x/config',
    { '~': 'hearth/devices/x', cmd_t: '~/set' },
    'command_topic "hearth/devices/x/set" is refused: hearth/ is the hub’s',
    'command_topic',
  );
});

test('value templates Hearth does not run', () => {
  refuses(
    LOCK_TOPIC,
    lock({ value_template: '{{ value_json.state | upper }}' }),
    'value_template "{{ value_json.state | upper }}" is not supported: Hearth reads {{ value }} and ' +
      "{{ value_json.<key> }} (keys by name or in ['quotes'], up to 8 deep, no filters or logic)",
    'value_template',
  );
  refuses(
    LOCK_TOPIC,
    lock({
      value_template: "{% if value_json.state == 'LOCK' %}LOCKED{% else %}UNLOCKED{% endif %}",
    }),
    'value_template "{% if value_json.state == \'LOCK\' %}LOCKED{% else %}UNLOCKED{% endif %}" is not ' +
      "supported: Hearth reads {{ value }} and {{ value_json.<key> }} (keys by name or in ['quotes'], " +
      'up to 8 deep, no filters or logic)',
    'value_template',
  );
  assert.match(
    problemOf(
      LOCK_TOPIC,
      lock({ availability: [{ topic: 'a/b', value_template: '{{ value_json.state | lower }}' }] }),
    ),
    /^availability\[0\]\.value_template "\{\{ value_json\.state \| lower \}\}" is not supported/,
  );
  assert.match(
    problemOf('homeassistant/lock/x/config', {
      cmd_t: 'a/set',
      avty_t: 'a/s',
      avty_tpl: '{{ value | lower }}',
    }),
    /^availability_template "\{\{ value \| lower \}\}" is not supported/,
  );
});

test('command_template and code_format', () => {
  refuses(
    LOCK_TOPIC,
    lock({ command_template: '{"state": "{{ value }}"}' }),
    'command_template is not supported: Hearth publishes payload_lock, payload_unlock and payload_open as they are',
    'command_template',
  );
  refuses(
    'homeassistant/lock/x/config',
    { cmd_t: 'a/set', cmd_tpl: '{{ value }}' },
    'command_template is not supported: Hearth publishes payload_lock, payload_unlock and payload_open as they are',
    'command_template',
  );
  refuses(
    LOCK_TOPIC,
    lock({ code_format: '^\\d{4}$' }),
    'code_format is set: locks that need a code are not supported',
    'code_format',
  );
  refuses(
    'homeassistant/lock/x/config',
    { cmd_t: 'a/set', cod_form: '^\\d{6}$' },
    'code_format is set: locks that need a code are not supported',
    'code_format',
  );
  // Explicitly null is the same as absent.
  const parsed = parseDiscoveryTopic(LOCK_TOPIC, 'homeassistant');
  assert.ok(parsed);
  const outcome = parseDiscoveryConfig(
    parsed,
    payloadOf(lock({ code_format: null, command_template: null })),
  );
  assert.equal(outcome.kind, 'entities');
});

test('a value of the wrong type, with the key named', () => {
  refuses(
    LOCK_TOPIC,
    lock({ payload_lock: 2 }),
    'payload_lock must be a string, not a number',
    'payload_lock',
  );
  refuses(
    LOCK_TOPIC,
    lock({ state_locked: true }),
    'state_locked must be a string, not a boolean',
    'state_locked',
  );
  refuses(
    LOCK_TOPIC,
    lock({ command_topic: ['a/set'] }),
    'command_topic must be a string, not a list',
    'command_topic',
  );
  refuses(LOCK_TOPIC, lock({ name: 42 }), 'name must be a string, not a number', 'name');
  refuses(LOCK_TOPIC, lock({ device: 'Yale' }), 'device must be an object, not a string', 'device');
  refuses(
    LOCK_TOPIC,
    lock({ device: { ...zigbee2mqttLock.config.device, name: 7 } }),
    'device.name must be a string, not a number',
    'device.name',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability: 'online' }),
    'availability must be a list, not a string',
    'availability',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability: [{ topic: 'a/b', payload_available: 1 }] }),
    'availability[0].payload_available must be a string, not a number',
    'availability[0].payload_available',
  );
  refuses(
    'homeassistant/lock/x/config',
    { '~': 5, cmd_t: '~/set' },
    '~ must be a string, not a number',
    '~',
  );
});

test('strings longer than the mapping keeps', () => {
  refuses(LOCK_TOPIC, lock({ name: 'n'.repeat(65) }), 'name is longer than 64 characters', 'name');
  refuses(
    LOCK_TOPIC,
    lock({ device: { name: 'd'.repeat(65) } }),
    'device.name is longer than 64 characters',
    'device.name',
  );
  refuses(
    LOCK_TOPIC,
    lock({ state_jammed: 'j'.repeat(65) }),
    'state_jammed is longer than 64 characters',
    'state_jammed',
  );
  refuses(
    LOCK_TOPIC,
    lock({ payload_open: 'o'.repeat(257) }),
    'payload_open is longer than 256 characters',
    'payload_open',
  );
  refuses(
    LOCK_TOPIC,
    lock({ unique_id: 'u'.repeat(257) }),
    'unique_id is longer than 256 characters',
    'unique_id',
  );
});

test('ambiguous lock words', () => {
  refuses(
    LOCK_TOPIC,
    lock({ state_locked: 'LOCK', state_unlocked: 'lock' }),
    'state_locked and state_unlocked are the same word ("LOCK"): Hearth could not tell them apart',
    'state_unlocked',
  );
  refuses(
    LOCK_TOPIC,
    lock({ state_jammed: 'Locking' }),
    'state_locking and state_jammed are the same word ("LOCKING"): Hearth could not tell them apart',
    'state_jammed',
  );
  refuses(
    LOCK_TOPIC,
    lock({ payload_unlock: 'LOCK' }),
    'payload_lock and payload_unlock are the same ("LOCK")',
    'payload_unlock',
  );
  refuses(
    LOCK_TOPIC,
    lock({ payload_open: 'UNLOCK' }),
    'payload_open and payload_unlock are the same ("UNLOCK")',
    'payload_open',
  );
});

test('availability problems', () => {
  refuses(
    LOCK_TOPIC,
    lock({ availability_topic: 'a/status' }),
    'availability and availability_topic are both set: Home Assistant takes one or the other',
    'availability_topic',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability: Array.from({ length: 9 }, (_, i) => ({ topic: `a/${i}` })) }),
    'availability has more than 8 entries',
    'availability',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability: [{ payload_available: 'on' }] }),
    'availability[0] lacks topic',
    'availability[0]',
  );
  refuses(
    LOCK_TOPIC,
    lock({ availability_mode: 'some' }),
    'availability_mode "some" must be one of all, any, latest',
    'availability_mode',
  );
});

test('images and cameras', () => {
  refuses(
    'homeassistant/image/x/config',
    { image_topic: 'a/img', url_topic: 'a/url' },
    'image_topic and url_topic are both set: Home Assistant takes one or the other',
    'url_topic',
  );
  refuses(
    'homeassistant/image/x/config',
    { name: 'Nothing' },
    'the image lacks image_topic or url_topic',
    'image_topic',
  );
  refuses(
    'homeassistant/image/x/config',
    { img_t: 'a/img', img_e: 'base64' },
    'image_encoding "base64" is not supported: it is b64 or absent',
    'image_encoding',
  );
  refuses(
    'homeassistant/image/x/config',
    { url_t: 'a/url', url_tpl: '{{ value_json.url }}' },
    'url_template is not supported: Hearth reads the whole url_topic payload as the URL',
    'url_template',
  );
  refuses('homeassistant/camera/x/config', { name: 'Cam' }, 'the camera lacks topic', 'topic');
  refuses(
    'homeassistant/camera/x/config',
    { t: 'cam/+/jpeg' },
    'topic "cam/+/jpeg" is refused: a topic has no wildcards',
    'topic',
  );
});

test('device-based problems name the component', () => {
  const withLock = (component: Record<string, unknown>): object => ({
    ...gateDevice.config,
    cmps: { ...gateDevice.config.cmps, gate_lock: component },
  });
  refuses(
    gateDevice.topic,
    withLock({ p: 'lock', name: 'Lock', val_tpl: '{{ value_json.lock }}' }),
    'component "gate_lock": the lock lacks command_topic',
    'command_topic',
  );
  refuses(
    gateDevice.topic,
    withLock({ p: 'lock', cmd_t: 'gatebox/+/set' }),
    'component "gate_lock": command_topic "gatebox/+/set" is refused: a topic has no wildcards',
    'gate_lock',
  );
  refuses(
    gateDevice.topic,
    withLock({ p: 'lock', cmd_t: 'a/set', cod_form: '\\d+' }),
    'component "gate_lock": code_format is set: locks that need a code are not supported',
    'code_format',
  );
  refuses(
    gateDevice.topic,
    withLock({ cmd_t: 'a/set' }),
    'component "gate_lock" lacks platform (p)',
    'platform',
  );
  refuses(
    gateDevice.topic,
    withLock('lock' as never),
    'component "gate_lock" must be an object, not a string',
    'gate_lock',
  );
  // A shared option a component inherits is checked in each component that uses it.
  refuses(
    gateDevice.topic,
    { ...gateDevice.config, stat_t: 'gatebox/#' },
    'component "gate_lock": state_topic "gatebox/#" is refused: a topic has no wildcards',
    'state_topic',
  );
  const { cmps: _cmps, ...withoutComponents } = gateDevice.config;
  refuses(
    gateDevice.topic,
    withoutComponents,
    'the device config lacks components (cmps)',
    'components',
  );
  refuses(
    gateDevice.topic,
    { ...withoutComponents, cmps: [] },
    'components must be an object, not a list',
    'components',
  );
});

test('device-based: two component keys that would make the same Hearth id', () => {
  refuses(
    'homeassistant/device/porch/config',
    {
      dev: { ids: 'porch' },
      cmps: {
        'front door': { p: 'lock', cmd_t: 'a/set' },
        front_door: { p: 'lock', cmd_t: 'b/set' },
      },
    },
    'components "front door" and "front_door" would both be Hearth device "ha.porch.front_door"',
    'front_door',
  );
});
