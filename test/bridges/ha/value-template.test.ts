// The value templates Hearth understands, the ones it refuses, and reading payloads through them.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  compileValueTemplate,
  readNumber,
  readValue,
} from '../../../src-main/hub/bridges/ha/value-template.js';
import { zigbee2mqttState } from './fixtures.js';

test('absent or empty: the payload itself', () => {
  assert.deepEqual(compileValueTemplate(undefined), { ok: true, path: null });
  assert.deepEqual(compileValueTemplate(null), { ok: true, path: null });
  assert.deepEqual(compileValueTemplate(''), { ok: true, path: null });
  assert.deepEqual(compileValueTemplate('   '), { ok: true, path: null });
});

test('the supported forms', () => {
  const cases: Array<[string, string[] | null]> = [
    ['{{ value }}', null],
    ['{{value}}', null],
    ['  {{- value -}}  ', null],
    ['{{ value_json.state }}', ['state']],
    ['{{value_json.state}}', ['state']],
    ['{{ value_json . lock . state }}', ['lock', 'state']],
    ['{{ value_json.a.b }}', ['a', 'b']],
    ["{{ value_json['update']['state'] }}", ['update', 'state']],
    ['{{ value_json["a"]["b"] }}', ['a', 'b']],
    ["{{ value_json['lock state'] }}", ['lock state']],
    ["{{ value_json[ 'values' ] }}", ['values']],
    ['{{ value_json.a["b c"].d }}', ['a', 'b c', 'd']],
    ['{{ value_json.a.b.c.d.e.f.g.h }}', ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']],
  ];
  for (const [template, path] of cases) {
    assert.deepEqual(compileValueTemplate(template), { ok: true, path }, template);
  }
});

test('the refusal names the template and says what Hearth reads', () => {
  assert.deepEqual(compileValueTemplate('{{ value_json.state | upper }}'), {
    ok: false,
    problem:
      'value_template "{{ value_json.state | upper }}" is not supported: Hearth reads {{ value }} ' +
      "and {{ value_json.<key> }} (keys by name or in ['quotes'], up to 8 deep, no filters or logic)",
  });
  const availability = compileValueTemplate(
    '{{ value_json.state | lower }}',
    'availability[1].value_template',
  );
  assert.equal(availability.ok, false);
  assert.match(availability.ok ? '' : availability.problem, /^availability\[1\]\.value_template "/);
});

test('filters, logic, arithmetic, indexes and anything else are refused', () => {
  for (const template of [
    '{{ value_json.state | upper }}',
    '{{ value_json.state | string }}',
    "{{ value_json.state | default('UNLOCKED') }}",
    '{{ value | int }}',
    "{% if value == '1' %}LOCKED{% else %}UNLOCKED{% endif %}",
    "{% if value in ('5','6','7')%}3{% else %}{{value}}{% endif %}",
    '{{ value_json.battery * 2 }}',
    '{{ value_json.state == "LOCK" }}',
    '{{ value_json[0] }}',
    '{{ value_json }}',
    '{{ value_json. }}',
    '{{ value_json.1st }}',
    "{{ value_json[''] }}",
    "{{ value_json['a\\'b'] }}",
    "{{ value_json['a' }}",
    '{{ value_json.a.b.c.d.e.f.g.h.i }}',
    `{{ value_json.${'k'.repeat(65)} }}`,
    'LOCKED',
    'state: {{ value }}',
    '{{ value }} {{ value }}',
    '{{ value }}}',
    '{{ values }}',
    '{{ value_jsonx.a }}',
    '{{ states.lock.front }}',
    '{# comment #}{{ value }}',
  ]) {
    const compiled = compileValueTemplate(template);
    assert.equal(compiled.ok, false, template);
    assert.match(compiled.ok ? '' : compiled.problem, /^value_template "/, template);
  }
});

test('a dict method name after a dot is refused with the bracket form to use', () => {
  const compiled = compileValueTemplate('{{ value_json.values }}');
  assert.equal(compiled.ok, false);
  assert.match(compiled.ok ? '' : compiled.problem, /write value_json\['values'\]$/);
});

test('a template longer than 256 characters is refused', () => {
  const compiled = compileValueTemplate(`{{ value_json.a }}${' '.repeat(300)}`);
  assert.deepEqual(compiled, {
    ok: false,
    problem: 'value_template is longer than 256 characters',
  });
});

const json = (value: unknown): Buffer => Buffer.from(JSON.stringify(value));

test('readValue on Zigbee2MQTT JSON states', () => {
  const state = json(zigbee2mqttState);
  assert.equal(readValue(state, ['state']), 'LOCK');
  assert.equal(readValue(state, ['lock_state']), 'locked');
  assert.equal(readValue(state, ['battery']), '87');
  assert.equal(readValue(json({ state: 'online' }), ['state']), 'online');
  assert.equal(readValue(json({ update: { state: 'idle' } }), ['update', 'state']), 'idle');
});

test('readValue on raw words: the payload as it is', () => {
  assert.equal(readValue(Buffer.from('LOCKED'), null), 'LOCKED');
  assert.equal(readValue(Buffer.from('locked'), null), 'locked');
  assert.equal(readValue(Buffer.from(' 1 '), null), ' 1 ');
  assert.equal(readValue(Buffer.from(''), null), '');
  assert.equal(readValue(Buffer.from('{"state":"LOCK"}'), null), '{"state":"LOCK"}');
});

test('readValue renders numbers and booleans as Home Assistant does, else null', () => {
  assert.equal(readValue(json({ v: 3 }), ['v']), '3');
  assert.equal(readValue(json({ v: -2.5 }), ['v']), '-2.5');
  assert.equal(readValue(json({ v: true }), ['v']), 'True');
  assert.equal(readValue(json({ v: false }), ['v']), 'False');
  assert.equal(readValue(json({ v: null }), ['v']), null);
  assert.equal(readValue(json({ v: { state: 'LOCK' } }), ['v']), null);
  assert.equal(readValue(json({ v: ['LOCK'] }), ['v']), null);
  assert.equal(readValue(json({ v: 'x' }), ['w']), null, 'a missing key');
  assert.equal(readValue(json({ v: 'x' }), ['v', 'w']), null, 'a key under a string');
  assert.equal(readValue(json(['LOCK']), ['0']), null, 'a list is not indexed');
  assert.equal(readValue(json({}), ['toString']), null, 'only own keys');
  assert.equal(readValue(json({}), ['__proto__']), null);
});

test('readValue never throws and gives null on bad payloads', () => {
  assert.equal(readValue(Buffer.from('not json'), ['state']), null);
  assert.equal(readValue(Buffer.from(''), ['state']), null);
  assert.equal(readValue(Buffer.from([0xff, 0xfe, 0x41]), null), null, 'not UTF-8');
  assert.equal(readValue(Buffer.from([0xff, 0xfe, 0x41]), ['state']), null);
  const big = Buffer.from(JSON.stringify({ state: 'LOCK', pad: 'x'.repeat(64 * 1024) }));
  assert.equal(readValue(big, ['state']), null, 'over 64 KiB');
  assert.equal(readValue(Buffer.alloc(64 * 1024 + 1, 0x41), null), null);
  assert.equal(readValue(Buffer.alloc(64 * 1024, 0x41), null)?.length, 64 * 1024, 'exactly 64 KiB');
  const deep = Buffer.from(`${'['.repeat(30_000)}${']'.repeat(30_000)}`);
  assert.equal(readValue(deep, ['a']), null);
});

test('readNumber: JSON numbers and decimal text', () => {
  assert.equal(readNumber(json(zigbee2mqttState), ['battery']), 87);
  assert.equal(readNumber(json({ battery: '64' }), ['battery']), 64);
  assert.equal(readNumber(json({ battery: '12.5' }), ['battery']), 12.5);
  assert.equal(readNumber(Buffer.from('55'), null), 55);
  assert.equal(readNumber(Buffer.from(' -3 '), null), -3);
  assert.equal(readNumber(json({ battery: 'low' }), ['battery']), null);
  assert.equal(readNumber(json({ battery: '' }), ['battery']), null);
  assert.equal(readNumber(json({ battery: '1e3' }), ['battery']), null);
  assert.equal(readNumber(json({ battery: true }), ['battery']), null);
  assert.equal(readNumber(json({ battery: null }), ['battery']), null);
  assert.equal(readNumber(json({}), ['battery']), null);
  assert.equal(readNumber(Buffer.from('not json'), ['battery']), null);
  assert.equal(readNumber(Buffer.from('0x10'), null), null);
});
