// StateStore.putDevice: one device record changed without copying and checking the whole
// state; 'now' is on disk before it returns, 'soon' goes with the next batch (whenSaved).
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { silentLogger } from '../../src-main/hub/log.js';
import type { DeviceRecord } from '../../src-main/hub/store/state-schema.js';
import { StateStore, StateValidationError } from '../../src-main/hub/store/state-store.js';
import { removeDir, tempDir } from './support.js';

const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function open(): StateStore {
  const dir = tempDir();
  dirs.push(dir);
  const store = StateStore.open({ dataDir: dir, log: silentLogger, onWarning: () => {} });
  stores.push(store);
  return store;
}

const onDisk = (store: StateStore): { devices: Record<string, DeviceRecord> } =>
  JSON.parse(fs.readFileSync(path.join(store.dataDir, 'state.json'), 'utf8')) as {
    devices: Record<string, DeviceRecord>;
  };

function record(id: string): DeviceRecord {
  return {
    id,
    name: id,
    kind: 'lock',
    status: 'pending',
    address: '127.0.0.1',
    joinedAt: '2026-01-01T00:00:00.000Z',
    lastSeen: null,
    state: null,
    stateAt: null,
    battery: null,
    secretHash: null,
    secretUsed: false,
    brokerHash: null,
    bridge: null,
  };
}

test("'now' writes state.json and its backup before returning", () => {
  const store = open();
  const before = store.writes;
  store.putDevice('door', record('door'), 'now');
  assert.equal(store.writes, before + 1);
  assert.deepEqual(onDisk(store).devices.door, record('door'));
  const backup = fs.readFileSync(path.join(store.dataDir, 'state.json.bak'), 'utf8');
  assert.deepEqual(JSON.parse(backup), onDisk(store));
  store.putDevice('door', null, 'now');
  assert.equal(onDisk(store).devices.door, undefined);
  assert.equal(store.state.devices.door, undefined);
});

test("'soon' changes the state at once and writes many changes in one batch", async () => {
  const store = open();
  const before = store.writes;
  for (let i = 0; i < 50; i++) store.putDevice(`lock-${i}`, record(`lock-${i}`), 'soon');
  assert.equal(Object.keys(store.state.devices).length, 50, 'in memory at once');
  assert.deepEqual(onDisk(store).devices, {}, 'not on disk yet');
  assert.equal(store.writes, before);
  await store.whenSaved();
  assert.equal(store.writes, before + 1, 'one write for fifty changes');
  assert.equal(Object.keys(onDisk(store).devices).length, 50);
  await store.whenSaved(); // nothing pending: resolves at once
});

test("a 'now' write takes the queued 'soon' changes with it; close writes what is left", () => {
  const store = open();
  store.putDevice('a', record('a'), 'soon');
  store.putDevice('b', record('b'), 'now');
  assert.deepEqual(Object.keys(onDisk(store).devices).sort(), ['a', 'b']);
  store.putDevice('c', record('c'), 'soon');
  const dir = store.dataDir;
  store.close();
  const reopened = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as {
    devices: Record<string, DeviceRecord>;
  };
  assert.deepEqual(Object.keys(reopened.devices).sort(), ['a', 'b', 'c']);
});

test('a record that breaks the schema, or names another id, is refused and changes nothing', () => {
  const store = open();
  store.putDevice('door', record('door'), 'now');
  const file = fs.readFileSync(path.join(store.dataDir, 'state.json'), 'utf8');
  const writes = store.writes;
  const bad = { ...record('door'), battery: 250 };
  assert.throws(() => store.putDevice('door', bad, 'now'), StateValidationError);
  assert.throws(() => store.putDevice('door', bad, 'soon'), StateValidationError);
  assert.throws(() => store.putDevice('door', record('window'), 'soon'), /its id is not "door"/);
  assert.throws(() => store.putDevice('bad id!', record('bad id!'), 'now'), StateValidationError);
  assert.deepEqual(store.state.devices.door, record('door'));
  assert.equal(Object.keys(store.state.devices).length, 1);
  assert.equal(store.writes, writes);
  assert.equal(fs.readFileSync(path.join(store.dataDir, 'state.json'), 'utf8'), file);
});

test('records and settings stay frozen for readers; a soon change is one more record in place', () => {
  const store = open();
  store.putDevice('door', record('door'), 'now');
  store.putDevice('gate', record('gate'), 'soon');
  const door = store.state.devices.door!;
  assert.throws(() => Object.assign(door, { name: 'changed' }), TypeError);
  assert.throws(() => Object.assign(store.state.devices.gate!, { name: 'changed' }), TypeError);
  assert.throws(() => Object.assign(store.state.settings.broker, { maxConnections: 1 }), TypeError);
  assert.equal(store.state.devices.door!.name, 'door');
  assert.equal(store.state.devices.gate!.name, 'gate');
});
