// Hearth ids for discovered entities: the contract's id rule, odd characters, long ids.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { test } from 'node:test';
import { DeviceIdParamSchema } from '../../../src-main/shared/devices.js';
import { hearthDeviceId, modelLine } from '../../../src-main/hub/bridges/ha/entity-identity.js';
import { parseDiscoveryTopic } from '../../../src-main/hub/bridges/ha/discovery-topic.js';
import { parseDiscoveryConfig } from '../../../src-main/hub/bridges/ha/parse-discovery.js';
import { payloadOf } from './fixtures.js';

const sha8 = (text: string): string => createHash('sha256').update(text).digest('hex').slice(0, 8);

test('ids as they are when they fit', () => {
  assert.equal(hearthDeviceId(['0x000d6f0012345678', 'lock']), 'ha.0x000d6f0012345678.lock');
  assert.equal(hearthDeviceId(['3A4B5C6D_lock']), 'ha.3A4B5C6D_lock');
  assert.equal(hearthDeviceId(['gate-01', 'gate_lock']), 'ha.gate-01.gate_lock');
});

test('odd characters become _, one per character', () => {
  assert.equal(hearthDeviceId(['porch', 'front door/🔒']), 'ha.porch.front_door__');
  assert.equal(hearthDeviceId(['porch', 'tür+#$']), 'ha.porch.t_r___');
  DeviceIdParamSchema.parse(hearthDeviceId(['porch', 'front door/🔒']));
});

test('ids longer than 64: 55 characters, a dot and 8 hex of the full id, deterministic', () => {
  const node = 'n'.repeat(60);
  const full = `ha.${node}.lock`;
  const id = hearthDeviceId([node, 'lock']);
  assert.equal(id, `${full.slice(0, 55)}.${sha8(full)}`);
  assert.equal(id.length, 64);
  assert.equal(hearthDeviceId([node, 'lock']), id, 'the same every time');
  DeviceIdParamSchema.parse(id);

  const other = hearthDeviceId([node, 'lock2']);
  assert.notEqual(other, id, 'same first 55 characters, another id');
  assert.equal(other.slice(0, 55), id.slice(0, 55));

  // The hash is of the id as written, so ids differing only in a replaced character differ.
  const a = hearthDeviceId([node, 'front door']);
  const b = hearthDeviceId([node, 'front_door']);
  assert.notEqual(a, b);
  assert.equal(a, `${`ha.${node}.front_door`.slice(0, 55)}.${sha8(`ha.${node}.front door`)}`);

  // Exactly 64 is kept as is.
  const fits = hearthDeviceId(['x'.repeat(61)]);
  assert.equal(fits, `ha.${'x'.repeat(61)}`);
  assert.equal(fits.length, 64);
});

test('long topic ids end up hashed in parsed entities too', () => {
  const node = 'z'.repeat(70);
  const topic = parseDiscoveryTopic(`homeassistant/lock/${node}/lock/config`, 'homeassistant');
  assert.ok(topic);
  const outcome = parseDiscoveryConfig(topic, payloadOf({ cmd_t: 'a/set' }));
  assert.equal(outcome.kind, 'entities');
  const entity = outcome.kind === 'entities' ? outcome.entities[0] : undefined;
  assert.equal(entity?.deviceId, `${`ha.${node}.lock`.slice(0, 55)}.${sha8(`ha.${node}.lock`)}`);
  assert.equal(entity?.name, 'lock', 'named after the object id');
});

test('model lines', () => {
  assert.equal(
    modelLine('Yale', 'Assure lock SL (YRD256HA20BP)', 128),
    'Yale Assure lock SL (YRD256HA20BP)',
  );
  assert.equal(modelLine('Nuki', 'Nuki Smart Lock 3.0 Pro', 128), 'Nuki Smart Lock 3.0 Pro');
  assert.equal(modelLine('Acme', 'Acmebox', 128), 'Acme Acmebox');
  assert.equal(modelLine(null, 'esp32dev', 128), 'esp32dev');
  assert.equal(modelLine('Espressif', undefined, 128), 'Espressif');
  assert.equal(modelLine(' ', '', 128), null);
  assert.equal(modelLine('m'.repeat(100), 'x'.repeat(100), 128)?.length, 128);
});
