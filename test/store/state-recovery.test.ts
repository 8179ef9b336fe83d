// Bad inputs at start: corrupt, truncated, schema-breaking and newer state files, old layouts,
// unusable data folders. Each asserts the clear outcome and that no stored byte was lost.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { StartupError } from '../../src-main/hub/errors.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { HubStateSchema } from '../../src-main/hub/store/state-schema.js';
import type { HubState } from '../../src-main/hub/store/state-schema.js';
import { readOnlyView, removeDir, snapshot, tempDir } from './support.js';

const dirs: string[] = [];
const cleanups: Array<() => void> = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0).reverse()) cleanup();
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
  cleanups.push(() => store.close());
  return store;
}

/** A folder whose state.json and .bak hold a good, non-default state; returns that state. */
function seeded(dir: string): HubState {
  const store = StateStore.open({ dataDir: dir, log: silentLogger, onWarning: () => {} });
  store.update((draft) => {
    draft.name = 'Last good';
    draft.settings.broker.maxConnectionsPerAddress = 7;
  });
  const state = structuredClone(store.state) as HubState;
  store.close();
  return state;
}

function asideFiles(dir: string, prefix: string): string[] {
  return fs.readdirSync(dir).filter((name) => name.startsWith(prefix));
}

function assertStartupError(run: () => unknown, pattern: RegExp): StartupError {
  let caught: unknown;
  try {
    run();
  } catch (error) {
    caught = error;
  }
  assert.ok(caught instanceof StartupError, `expected a StartupError, got ${String(caught)}`);
  assert.match(caught.message, pattern);
  assert.doesNotMatch(caught.message, /\n/, 'one line');
  return caught;
}

const corruptContents: Array<[string, string | Buffer]> = [
  ['garbage', 'this is not json at all'],
  ['truncated', '{\n  "version": 1,\n  "hubId": "4f0c'],
  ['empty', ''],
  ['not an object', '[1, 2, 3]'],
  ['binary', Buffer.from([0xff, 0xfe, 0x00, 0x7b, 0x80])],
  [
    'schema-breaking: wrong type',
    '{"version":1,"hubId":"6b1c9c57-5e4e-4c4b-9d7e-3c2f0f1f2a3b","name":"x","adminTokenHash":null,"settings":{"broker":{"maxConnections":"lots"}}}',
  ],
  [
    'schema-breaking: typo',
    '{"version":1,"hubId":"6b1c9c57-5e4e-4c4b-9d7e-3c2f0f1f2a3b","name":"x","adminTokenHash":null,"settings":{"broker":{"maxConection":5}}}',
  ],
  ['schema-breaking: bad version', '{"version":"1","hubId":"x"}'],
];

for (const [label, content] of corruptContents) {
  test(`corrupt state.json (${label}) is moved aside byte for byte and the .bak is loaded`, () => {
    const dir = freshDir();
    const good = seeded(dir);
    const bakBefore = fs.readFileSync(path.join(dir, 'state.json.bak'));
    fs.writeFileSync(path.join(dir, 'state.json'), content);
    const warnings: Array<[string, string]> = [];
    const store = open(dir, warnings);

    assert.deepEqual(store.state, good, 'the last good copy is loaded');
    const [aside, ...more] = asideFiles(dir, 'state.json.corrupt-');
    assert.ok(aside, 'the corrupt file is kept');
    assert.deepEqual(more, []);
    assert.match(aside, /^state\.json\.corrupt-\d{4}-\d\d-\d\dT\d\d-\d\d-\d\d-\d{3}Z$/);
    assert.deepEqual(fs.readFileSync(path.join(dir, aside)), Buffer.from(content));
    assert.deepEqual(fs.readFileSync(path.join(dir, 'state.json.bak')), bakBefore);
    assert.deepEqual(
      HubStateSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8'))),
      good,
    );
    assert.equal(warnings.length, 1);
    assert.equal(warnings[0]![0], 'state_corrupt');
    assert.match(warnings[0]![1], new RegExp(`moved to ${aside.replace(/\./g, '\\.')}`));
    assert.match(warnings[0]![1], /last good copy/);
  });
}

test('corrupt state.json and no .bak: defaults, the corrupt file kept, a warning', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'state.json'), '{"version": 1, "hubId": ');
  const warnings: Array<[string, string]> = [];
  const store = open(dir, warnings);
  assert.equal(store.state.name, 'Hearth');
  assert.equal(store.state.settings.broker.maxConnections, 1000);
  const [aside] = asideFiles(dir, 'state.json.corrupt-');
  assert.equal(fs.readFileSync(path.join(dir, aside!), 'utf8'), '{"version": 1, "hubId": ');
  assert.deepEqual(
    warnings.map(([code]) => code),
    ['state_corrupt'],
  );
  assert.match(warnings[0]![1], /no state\.json\.bak.*default/);
});

test('corrupt state.json and corrupt .bak: both kept aside, defaults, a warning', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'state.json'), 'main garbage');
  fs.writeFileSync(path.join(dir, 'state.json.bak'), 'bak garbage');
  const warnings: Array<[string, string]> = [];
  const store = open(dir, warnings);
  assert.equal(store.state.name, 'Hearth');
  const [mainAside] = asideFiles(dir, 'state.json.corrupt-');
  const [bakAside] = asideFiles(dir, 'state.json.bak.corrupt-');
  assert.equal(fs.readFileSync(path.join(dir, mainAside!), 'utf8'), 'main garbage');
  assert.equal(fs.readFileSync(path.join(dir, bakAside!), 'utf8'), 'bak garbage');
  assert.deepEqual(
    warnings.map(([code]) => code),
    ['state_corrupt'],
  );
});

test('a missing state.json is restored from the .bak with a warning', () => {
  const dir = freshDir();
  const good = seeded(dir);
  fs.rmSync(path.join(dir, 'state.json'));
  const warnings: Array<[string, string]> = [];
  assert.deepEqual(open(dir, warnings).state, good);
  assert.deepEqual(
    warnings.map(([code]) => code),
    ['state_restored'],
  );
});

test('a corrupt .bak beside a good state.json is kept aside and rewritten', () => {
  const dir = freshDir();
  const good = seeded(dir);
  fs.writeFileSync(path.join(dir, 'state.json.bak'), '{"trunc');
  const warnings: Array<[string, string]> = [];
  assert.deepEqual(open(dir, warnings).state, good);
  const [aside] = asideFiles(dir, 'state.json.bak.corrupt-');
  assert.equal(fs.readFileSync(path.join(dir, aside!), 'utf8'), '{"trunc');
  assert.equal(
    fs.readFileSync(path.join(dir, 'state.json.bak'), 'utf8'),
    fs.readFileSync(path.join(dir, 'state.json'), 'utf8'),
  );
  assert.deepEqual(
    warnings.map(([code]) => code),
    ['state_backup_corrupt'],
  );
});

for (const which of ['state.json', 'state.json.bak'] as const) {
  test(`a ${which} from a newer Hearth stops the start and nothing is written`, () => {
    const dir = freshDir();
    seeded(dir);
    const newer = JSON.stringify({ version: 7, hubId: 'from-the-future', somethingNew: [1, 2] });
    fs.writeFileSync(path.join(dir, which), newer);
    if (which === 'state.json.bak') fs.writeFileSync(path.join(dir, 'state.json'), 'corrupt');
    const before = snapshot(dir);
    assertStartupError(
      () => open(dir),
      new RegExp(
        `^${which.replace(/\./g, '\\.')} was written by Hearth state version 7; this is version 3: update Hearth, or move the file away$`,
      ),
    );
    assert.deepEqual(
      snapshot(dir),
      before,
      'no file added, removed or changed (the lock is gone too)',
    );
  });
}

test('an unversioned pre-release file is migrated to the current version, the original kept', () => {
  const dir = freshDir();
  const preRelease = {
    hubId: '0b6b3cfa-7a51-4d34-9d4a-6f3b1f7d3c11',
    name: 'Old hub',
    adminTokenHash: 'cd'.repeat(32),
    broker: { maxConnections: 50, connectTimeoutMs: 2000 },
    __internal__: { migrations: { version: '0.0.1' } },
  };
  const original = JSON.stringify(preRelease, null, '\t');
  fs.writeFileSync(path.join(dir, 'state.json'), original);
  const warnings: Array<[string, string]> = [];
  const store = open(dir, warnings);
  assert.deepEqual(store.state, {
    version: 3,
    hubId: preRelease.hubId,
    name: 'Old hub',
    adminTokenHash: 'cd'.repeat(32),
    settings: {
      broker: {
        maxConnections: 50,
        maxConnectionsPerAddress: 64,
        maxPacketBytes: 8 * 1024 * 1024 + 64 * 1024,
        connectTimeoutMs: 2000,
        maxKeepAliveSeconds: 3600,
      },
      devices: { allowWithoutSecret: false, handShakesPerMinutePerAddress: 20 },
      locks: { confirmTimeoutMs: 5000, warnUnlockedAfterMinutes: 30, autoRelock: {} },
      history: { retentionDays: 365 },
      strangers: {
        maxPictureBytes: 8 * 1024 * 1024,
        retentionDays: 30,
        maxCount: 10_000,
        maxTotalBytes: 2048 * 1024 * 1024,
        mergeWindowSeconds: 0,
        linkMinutes: 15,
      },
      http: {
        allowedHosts: [],
        allowedOrigins: [],
        maxSocketsPerAddress: 64,
        headersTimeoutMs: 15_000,
      },
      notify: { webhookUrl: null },
      actions: { remoteCode: false, callTimeoutMs: 1000, memoryMb: 64 },
      discovery: { mdns: true, homeAssistant: true, homeAssistantPrefix: 'homeassistant' },
      frigate: { topicPrefix: 'frigate', labels: ['person'], knownFacesAreNotStrangers: true },
      desktop: {
        startAtLogin: true,
        askedStartAtLogin: false,
        startHidden: false,
        keepAwake: true,
        notify: {
          stranger: true,
          jammedLock: true,
          unlockedTooLong: true,
          deviceWaiting: true,
          lowBattery: true,
          stateRecovered: true,
        },
      },
    },
    devices: {},
    integrations: {},
    tokens: {},
  });
  assert.deepEqual(warnings, []);
  const onDisk = JSON.parse(fs.readFileSync(path.join(dir, 'state.json'), 'utf8')) as unknown;
  assert.deepEqual(onDisk, store.state, 'rewritten as the current version (no __internal__)');
  assert.deepEqual(JSON.parse(fs.readFileSync(path.join(dir, 'state.json.bak'), 'utf8')), onDisk);
  const [copy] = asideFiles(dir, 'state.json.v0-');
  assert.equal(fs.readFileSync(path.join(dir, copy!), 'utf8'), original);
  store.close();
  assert.deepEqual(open(dir).state, onDisk, 'the migrated file opens as is');
});

test('a pre-release file without a hub id gets one', () => {
  const dir = freshDir();
  fs.writeFileSync(path.join(dir, 'state.json'), '{"name":"Bare"}');
  const store = open(dir);
  assert.equal(store.state.name, 'Bare');
  assert.match(store.state.hubId, /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
});

test('a data folder that is a file: one clear line, the file untouched', () => {
  const parent = freshDir();
  const file = path.join(parent, 'data');
  fs.writeFileSync(file, 'my notes');
  const before = snapshot(parent);
  assertStartupError(
    () => open(file),
    /^data folder .*data is a file, not a folder; choose another --data-dir/,
  );
  assertStartupError(
    () => open(path.join(file, 'sub')),
    /^data folder .*sub cannot be (used|created) \(ENOTDIR/,
  );
  assert.deepEqual(snapshot(parent), before);
});

test('a read-only data folder with a state in it: one clear line, nothing written', () => {
  const dir = freshDir();
  seeded(dir);
  const before = snapshot(dir);
  const view = readOnlyView(dir);
  cleanups.push(view.cleanup);
  assertStartupError(
    () => open(view.path),
    /^data folder .* (is on a read-only file system|is not writable) \((EROFS|EACCES)/,
  );
  view.cleanup();
  cleanups.pop();
  assert.deepEqual(snapshot(dir), before);
});

test('a data folder to be created under a read-only folder: one clear line, nothing written', () => {
  const dir = freshDir();
  const before = snapshot(dir);
  const view = readOnlyView(dir);
  cleanups.push(view.cleanup);
  assertStartupError(
    () => open(path.join(view.path, 'hearth')),
    /^data folder .*hearth cannot be created \((EROFS|EACCES)/,
  );
  assert.deepEqual(snapshot(dir), before);
});

test('a state.json that cannot be read (a folder) stops the start, nothing changed', () => {
  const dir = freshDir();
  fs.mkdirSync(path.join(dir, 'state.json'));
  fs.writeFileSync(path.join(dir, 'state.json', 'inside'), 'x');
  const before = snapshot(dir);
  assertStartupError(() => open(dir), /state\.json cannot be read \(EISDIR/);
  assert.deepEqual(snapshot(dir), before);
});
