// Home Assistant's abbreviations and `~` base topic, expanded as its discovery.py does.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ABBREVIATIONS,
  applyTopicBase,
  DEVICE_ABBREVIATIONS,
  expandAbbreviations,
  ORIGIN_ABBREVIATIONS,
} from '../../../src-main/hub/bridges/ha/abbreviations.js';

test('the table covers what locks, images, cameras, availability, device and origin use', () => {
  const expected: Record<string, string> = {
    cmd_t: 'command_topic',
    stat_t: 'state_topic',
    pl_lock: 'payload_lock',
    pl_unlk: 'payload_unlock',
    pl_open: 'payload_open',
    stat_locked: 'state_locked',
    stat_unlocked: 'state_unlocked',
    stat_locking: 'state_locking',
    stat_unlocking: 'state_unlocking',
    stat_jam: 'state_jammed',
    stat_open: 'state_open',
    stat_opening: 'state_opening',
    pl_rst: 'payload_reset',
    avty: 'availability',
    avty_t: 'availability_topic',
    avty_mode: 'availability_mode',
    avty_tpl: 'availability_template',
    pl_avail: 'payload_available',
    pl_not_avail: 'payload_not_available',
    val_tpl: 'value_template',
    opt: 'optimistic',
    cod_form: 'code_format',
    cmd_tpl: 'command_template',
    uniq_id: 'unique_id',
    obj_id: 'object_id',
    def_ent_id: 'default_entity_id',
    dev: 'device',
    o: 'origin',
    cmps: 'components',
    p: 'platform',
    img_t: 'image_topic',
    img_e: 'image_encoding',
    url_t: 'url_topic',
    url_tpl: 'url_template',
    cont_type: 'content_type',
    t: 'topic',
    e: 'encoding',
    json_attr_t: 'json_attributes_topic',
    json_attr_tpl: 'json_attributes_template',
    migr_discvry: 'migrate_discovery',
  };
  for (const [short, long] of Object.entries(expected))
    assert.equal(ABBREVIATIONS[short], long, short);
  assert.deepEqual(DEVICE_ABBREVIATIONS, {
    cns: 'connections',
    cu: 'configuration_url',
    hw: 'hw_version',
    ids: 'identifiers',
    mdl: 'model',
    mdl_id: 'model_id',
    mf: 'manufacturer',
    name: 'name',
    sa: 'suggested_area',
    sn: 'serial_number',
    sw: 'sw_version',
  });
  assert.deepEqual(ORIGIN_ABBREVIATIONS, { name: 'name', sw: 'sw_version', url: 'support_url' });
});

test('expands the config, its availability entries, device, origin and components', () => {
  const expanded = expandAbbreviations({
    cmd_t: 'a/set',
    avty: [{ t: 'a/status', pl_avail: 'up', val_tpl: '{{ value_json.s }}' }],
    dev: { ids: ['x'], mf: 'Acme', mdl: 'L1', sw: '1.0', via_device: 'hub' },
    o: { name: 'tool', sw: '2.0', url: 'https://example.invalid' },
    cmps: { a: { p: 'lock', cmd_t: 'b/set', avty: { t: 'b/status' } }, b: 'not an object' },
    unknown_key: 1,
  });
  assert.deepEqual(expanded, {
    command_topic: 'a/set',
    availability: [
      { topic: 'a/status', payload_available: 'up', value_template: '{{ value_json.s }}' },
    ],
    device: {
      identifiers: ['x'],
      manufacturer: 'Acme',
      model: 'L1',
      sw_version: '1.0',
      via_device: 'hub',
    },
    origin: { name: 'tool', sw_version: '2.0', support_url: 'https://example.invalid' },
    components: {
      a: { platform: 'lock', command_topic: 'b/set', availability: { topic: 'b/status' } },
      b: 'not an object',
    },
    unknown_key: 1,
  });
});

test('an abbreviation wins over the same key written out, as in Home Assistant', () => {
  assert.deepEqual(expandAbbreviations({ command_topic: 'long', cmd_t: 'short' }), {
    command_topic: 'short',
  });
  assert.deepEqual(expandAbbreviations({ cmd_t: 'short', command_topic: 'long' }), {
    command_topic: 'short',
  });
});

test('a __proto__ key from JSON is dropped, never assigned', () => {
  const expanded = expandAbbreviations(
    JSON.parse(
      '{"__proto__": {"polluted": true}, "cmd_t": "a/set", "dev": {"__proto__": {"x": 1}}}',
    ) as Record<string, unknown>,
  );
  assert.equal(Object.getPrototypeOf(expanded), Object.prototype);
  assert.equal(Object.hasOwn(expanded, '__proto__'), false);
  assert.equal((expanded as { polluted?: unknown }).polluted, undefined);
  assert.equal(({} as { polluted?: unknown }).polluted, undefined);
  assert.deepEqual(expanded, { command_topic: 'a/set', device: {} });
});

test('~ replaces a leading or trailing ~ in keys ending in topic, and in availability', () => {
  const based = applyTopicBase(
    {
      command_topic: '~/set',
      state_topic: 'state/~',
      json_attributes_topic: '~/attributes',
      topic: '~/image',
      name: '~/not a topic',
      value_template: '{{ value_json["~"] }}',
      url_topic: 'plain/topic',
      image_topic: '',
      availability: [{ topic: '~/status' }, { topic: 'bridge/state' }, 'odd'],
    },
    'home/garage',
  );
  assert.deepEqual(based, {
    command_topic: 'home/garage/set',
    state_topic: 'state/home/garage',
    json_attributes_topic: 'home/garage/attributes',
    topic: 'home/garage/image',
    name: '~/not a topic',
    value_template: '{{ value_json["~"] }}',
    url_topic: 'plain/topic',
    image_topic: '',
    availability: [{ topic: 'home/garage/status' }, { topic: 'bridge/state' }, 'odd'],
  });
  assert.deepEqual(applyTopicBase({ availability: { topic: '~/status' } }, 'base'), {
    availability: { topic: 'base/status' },
  });
});
