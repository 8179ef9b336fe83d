// The state store against real files in a temp folder: first start, reopen, backups, updates.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { silentLogger } from '../../src-main/hub/log.js';
import { LOCK_FILE_NAME } from '../../src-main/hub/store/data-dir-lock.js';
import { StateStore, StateValidationError } from '../../src-main/hub/store/state-store.js';
import { HubStateSchema } from '../../src-main/hub/store/state-schema.js';
import { removeDir, snapshot, tempDir } from './support.js';

const dirs: string[] = [];
const stores: StateStore[] = [];
afterEach(() => {
  for (const store of stores.splice(0)) store.close();
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function freshDir(): string {
  const dir = tempDir();
  dirs.push(dir);
  return dir;
}

function open(dataDir: string, warnings: Array<[string, string]> = []): StateStore {
  const store = StateStore.open({
    dataDir,
    log: silentLogger,
    onWarning: (code, message) => warnings.push([code, message]),
  });
  stores.push(store);
  return store;
}

function readJson(file: string): unknown {
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

test('first start writes state.json and state.json.bak with defaults', () => {
  const dir = freshDir();
  const warnings: Array<[string, string]> = [];
  const store = open(dir, warnings);
  const onDisk = HubStateSchema.parse(readJson(path.join(dir, 'state.json')));
  assert.deepEqual(onDisk, store.state);
  assert.equal(onDisk.version, 3);
  assert.equal(onDisk.name, 'Hearth');
  assert.equal(onDisk.adminTokenHash, null);
  assert.match(onDisk.hubId, /^[0-9a-f-]{36}$/);
  assert.deepEqual(onDisk.settings.broker, {
    maxConnections: 1000,
    maxConnectionsPerAddress: 64,
    maxPacketBytes: 8 * 1024 * 1024 + 64 * 1024,
    connectTimeoutMs: 10_000,
    maxKeepAliveSeconds: 3600,
  });
  assert.deepEqual(
    readJson(path.join(dir, 'state.json.bak')),
    readJson(path.join(dir, 'state.json')),
  );
  assert.deepEqual(warnings, [], 'a first start is not a warning');
});

test('a missing data folder is created', () => {
  const dir = path.join(freshDir(), 'nested', 'data');
  const store = open(dir);
  assert.ok(fs.existsSync(path.join(dir, 'state.json')));
  assert.equal(store.dataDir, dir);
});

test('state survives close and reopen, and reopening does not rewrite a good file', () => {
  const dir = freshDir();
  const first = open(dir);
  first.update((draft) => {
    draft.name = 'Cabin';
    draft.settings.broker.maxConnections = 42;
  });
  const state = structuredClone(first.state);
  first.close();
  const before = snapshot(dir);
  const second = open(dir);
  assert.deepEqual(second.state, state);
  second.close();
  assert.deepEqual(snapshot(dir), before, 'a clean reopen changes no byte');
});

test('every update writes state.json and refreshes state.json.bak to the same good state', () => {
  const dir = freshDir();
  const store = open(dir);
  for (let k = 1; k <= 5; k++) {
    store.update((draft) => {
      draft.name = `Hearth ${k}`;
    });
    const main = fs.readFileSync(path.join(dir, 'state.json'), 'utf8');
    const bak = fs.readFileSync(path.join(dir, 'state.json.bak'), 'utf8');
    assert.equal(bak, main);
    assert.deepEqual(HubStateSchema.parse(JSON.parse(main)), store.state);
    assert.equal(store.state.name, `Hearth ${k}`);
  }
});

test('an invalid update throws and changes nothing in memory or on disk', () => {
  const dir = freshDir();
  const store = open(dir);
  store.update((draft) => {
    draft.adminTokenHash = 'ab'.repeat(32);
  });
  const before = snapshot(dir);
  const state = structuredClone(store.state);
  const bad: Array<(draft: Record<string, unknown>) => void> = [
    (draft) => (draft['name'] = ''),
    (draft) => (draft['adminTokenHash'] = 'not-hex'),
    (draft) =>
      ((draft['settings'] as { broker: Record<string, unknown> }).broker['maxConection'] = 5),
    (draft) =>
      ((draft['settings'] as { broker: Record<string, unknown> }).broker['maxConnections'] = -1),
    (draft) => (draft['version'] = 4),
    (draft) => (draft['unknownSection'] = {}),
  ];
  for (const mutate of bad) {
    assert.throws(() => store.update(mutate as (draft: unknown) => void), StateValidationError);
    assert.deepEqual(store.state, state);
    assert.deepEqual(snapshot(dir), before);
  }
  assert.throws(
    () =>
      store.update((draft) => {
        draft.name = 'half-done';
        throw new Error('boom');
      }),
    /boom/,
  );
  assert.deepEqual(store.state, state);
  assert.deepEqual(snapshot(dir), before);
});

test('the state is read-only to callers', () => {
  const store = open(freshDir());
  assert.throws(() => {
    (store.state as { name: string }).name = 'x';
  }, TypeError);
  assert.throws(() => {
    (store.state.settings.broker as { maxConnections: number }).maxConnections = 1;
  }, TypeError);
});

test('close is idempotent, releases the folder, and update after close fails', () => {
  const dir = freshDir();
  const store = open(dir);
  assert.ok(fs.existsSync(path.join(dir, LOCK_FILE_NAME)));
  store.close();
  store.close();
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE_NAME)), false);
  assert.throws(() => store.update((draft) => void (draft.name = 'x')), /closed/);
  const again = open(dir);
  assert.equal(again.state.hubId, store.state.hubId);
});

test('a second store on the same folder (or a symlink to it) in one process is refused', () => {
  const dir = freshDir();
  open(dir);
  const before = snapshot(dir);
  assert.throws(() => open(dir), { name: 'StartupError', message: /already open in this process/ });
  const alias = path.join(freshDir(), 'alias');
  fs.symlinkSync(dir, alias);
  assert.throws(() => open(alias), {
    name: 'StartupError',
    message: /already open in this process/,
  });
  assert.deepEqual(snapshot(dir), before);
});

test('leftover temp files of an interrupted write are removed on open', () => {
  const dir = freshDir();
  open(dir).close();
  const leftover = path.join(dir, 'state.json.tmp-1234567890abcdef');
  fs.writeFileSync(leftover, '{"half":');
  const unrelated = path.join(dir, 'state.json.tmp-notours');
  fs.writeFileSync(unrelated, 'keep');
  open(dir);
  assert.equal(fs.existsSync(leftover), false);
  assert.equal(fs.readFileSync(unrelated, 'utf8'), 'keep');
});
