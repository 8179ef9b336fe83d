// The schema's defaults and strictness, and the migration mechanism on its own.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  migrations,
  migrateToCurrent,
  readStateVersion,
} from '../../src-main/hub/store/migrations.js';
import {
  CURRENT_STATE_VERSION,
  defaultState,
  HubStateSchema,
  SettingsSchema,
} from '../../src-main/hub/store/state-schema.js';

test('every setting has a default and defaultState validates', () => {
  assert.equal(CURRENT_STATE_VERSION, 3);
  assert.deepEqual(SettingsSchema.parse({}), SettingsSchema.parse({ broker: {}, devices: {} }));
  const state = defaultState();
  assert.deepEqual(HubStateSchema.parse(state), state);
  assert.notEqual(defaultState().hubId, state.hubId, 'a new random hub id each time');
});

test('a typo in a setting or an unknown top-level key is caught', () => {
  const typo = SettingsSchema.safeParse({ broker: { maxConection: 5 } });
  assert.equal(typo.success, false);
  assert.match(JSON.stringify(typo.error?.issues), /maxConection/);
  assert.equal(HubStateSchema.safeParse({ ...defaultState(), extra: 1 }).success, false);
  assert.equal(SettingsSchema.safeParse({ brokr: {} }).success, false);
});

test('settings are bounded', () => {
  for (const broker of [
    { maxConnections: 0 },
    { maxConnectionsPerAddress: 1.5 },
    { maxPacketBytes: 268_435_456 },
    { connectTimeoutMs: -1 },
    { maxKeepAliveSeconds: 65_536 },
  ]) {
    assert.equal(SettingsSchema.safeParse({ broker }).success, false, JSON.stringify(broker));
  }
});

test('readStateVersion: none is 0 (pre-release), a bad one is reported', () => {
  assert.deepEqual(readStateVersion({}), { kind: 'ok', version: 0 });
  assert.deepEqual(readStateVersion({ version: 3 }), { kind: 'ok', version: 3 });
  for (const bad of [[], null, 'x', { version: '1' }, { version: 1.5 }, { version: -1 }]) {
    assert.equal(readStateVersion(bad).kind, 'invalid', JSON.stringify(bad));
  }
});

test('migrations form a chain from 0 to the current version', () => {
  let version = 0;
  for (const step of migrations) {
    assert.equal(step.from, version);
    assert.equal(step.to, version + 1);
    version = step.to;
  }
  assert.equal(version, CURRENT_STATE_VERSION);
});

test('migrateToCurrent runs the steps in order and does not touch its input', () => {
  const input = { name: 'Old', broker: { maxConnections: 5 } };
  const copy = structuredClone(input);
  const result = HubStateSchema.parse(migrateToCurrent(input, 0));
  assert.deepEqual(input, copy);
  assert.equal(result.settings.broker.maxConnections, 5);
  assert.equal(result.name, 'Old');
  assert.throws(() => migrateToCurrent({}, 0, []), /no migration from state version 0/);
});

test('a version 1 file (before devices) gains an empty registry and stays valid', () => {
  const v1 = {
    version: 1,
    hubId: '0b6b3cfa-7a51-4d34-9d4a-6f3b1f7d3c11',
    name: 'Hearth',
    adminTokenHash: null,
    settings: { broker: { maxConnections: 10 } },
  };
  const migrated = HubStateSchema.parse(migrateToCurrent(v1, 1));
  assert.equal(migrated.version, CURRENT_STATE_VERSION);
  assert.deepEqual(migrated.devices, {});
  assert.deepEqual(migrated.integrations, {});
  assert.equal(migrated.settings.broker.maxConnections, 10, 'settings kept');
  assert.equal(migrated.settings.devices.allowWithoutSecret, false, 'old devices need a secret');
});

test('a version 2 file (tokens without a kind) marks every token as paired and stays valid', () => {
  const v2 = {
    version: 2,
    hubId: '0b6b3cfa-7a51-4d34-9d4a-6f3b1f7d3c11',
    name: 'Hearth',
    adminTokenHash: null,
    settings: {},
    devices: {},
    integrations: {},
    tokens: {
      'tok-aaaaaaaaaaaa': {
        id: 'tok-aaaaaaaaaaaa',
        name: 'Phone',
        scope: 'control',
        hash: 'a'.repeat(64),
        createdAt: '2026-01-01T00:00:00.000Z',
        lastUsedAt: null,
      },
    },
  };
  const migrated = HubStateSchema.parse(migrateToCurrent(v2, 2));
  assert.equal(migrated.tokens['tok-aaaaaaaaaaaa']!.kind, 'paired');
  assert.equal(migrated.tokens['tok-aaaaaaaaaaaa']!.remember, false);
  assert.equal(migrated.tokens['tok-aaaaaaaaaaaa']!.name, 'Phone', 'nothing else changed');
});
