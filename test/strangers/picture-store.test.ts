// The picture store on real files: atomic writes, deduplication, the merge window, retention
// by count, bytes and age (oldest first), and an index rebuilt from disk at start that trusts
// only complete, plain files.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { sniffPicture } from '../../src-main/hub/strangers/picture-format.js';
import {
  PictureStore,
  pictureFileName,
  type NewPicture,
} from '../../src-main/hub/strangers/picture-store.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { OUTSIDE_SECRET, plantSentinels } from './support/folder.js';
import { jpeg, png } from './support/pictures.js';
import { seedPictureFolder } from './support/seed-folder.js';

const DAY = 24 * 3600 * 1000;
const LIMITS = { retentionDays: 30, maxCount: 10_000, maxTotalBytes: 1 << 30 };
let dir: string;
let store: PictureStore;

beforeEach(() => {
  dir = join(makeTempDir('hearth-picture-store-'), 'strangers');
  store = PictureStore.open(dir);
});
afterEach(async () => {
  await store.close();
  removeDir(join(dir, '..'));
});

function picture(camera: string, bytes: Buffer, at: number): NewPicture {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const sniffed = sniffPicture(bytes);
  assert.ok(sniffed.ok);
  return { camera, bytes, type: sniffed.type, sha256, at };
}

test('a picture is written whole, private to the hub, under a name the hub made', async () => {
  const bytes = jpeg(5000);
  const { kind, record } = await store.add(picture('cam-1', bytes, 1000), 0);
  assert.equal(kind, 'new');
  assert.match(record.id, /^[0-9a-f]{24}$/);
  const file = join(dir, `${record.id}.jpg`);
  assert.deepEqual(readFileSync(file), bytes);
  assert.equal(statSync(file).mode & 0o777, 0o600);
  assert.deepEqual(readdirSync(dir).sort(), [`${record.id}.jpg`, 'index.jsonl'].sort());
  assert.deepEqual((await store.read(record.id))?.bytes, bytes);
});

test('the same bytes from the same camera are one sighting, seen again; another camera is another', async () => {
  const bytes = png(3000);
  const first = await store.add(picture('cam-1', bytes, 1000), 0);
  const again = await store.add(picture('cam-1', bytes, 5000), 0);
  assert.equal(again.kind, 'duplicate');
  assert.equal(again.record.id, first.record.id);
  assert.equal(again.record.count, 2);
  assert.equal(again.record.at, 5000);
  assert.equal(again.record.firstAt, 1000);
  const other = await store.add(picture('cam-2', bytes, 6000), 0);
  assert.equal(other.kind, 'new');
  assert.equal(store.count, 2);
  assert.equal(readdirSync(dir).filter((name) => name.endsWith('.png')).length, 2);
  assert.deepEqual(
    store.query({ limit: 10 }).map((r) => r.id),
    [other.record.id, first.record.id],
    'the sighting moved to its new time',
  );
});

test('the merge window makes different pictures one sighting while it lasts; off, it never does', async () => {
  const a = await store.add(picture('cam-1', jpeg(2000, 1), 10_000), 0);
  const unmerged = await store.add(picture('cam-1', jpeg(2000, 2), 10_500), 0);
  assert.equal(unmerged.kind, 'new', 'window 0: off');
  const merged = await store.add(picture('cam-1', jpeg(2000, 3), 12_000), 5_000);
  assert.equal(merged.kind, 'merged');
  assert.equal(merged.record.id, unmerged.record.id);
  assert.equal(merged.record.count, 2);
  const later = await store.add(picture('cam-1', jpeg(2000, 4), 30_000), 5_000);
  assert.equal(later.kind, 'new', 'past the window');
  const otherCamera = await store.add(picture('cam-2', jpeg(2000, 5), 30_001), 5_000);
  assert.equal(otherCamera.kind, 'new', 'another camera never merges');
  assert.equal(store.count, 4);
  assert.ok(store.get(a.record.id));
});

test('retention removes the oldest first: by count, by total bytes, by age', async () => {
  const now = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < 6; i++) {
    ids.push((await store.add(picture('cam-1', jpeg(1000, i), now - (6 - i) * DAY), 0)).record.id);
  }
  const byCount = await store.enforceRetention({ ...LIMITS, maxCount: 4 }, now);
  assert.deepEqual(
    byCount.map((r) => r.id),
    ids.slice(0, 2),
  );
  const byBytes = await store.enforceRetention({ ...LIMITS, maxTotalBytes: 2500 }, now);
  assert.deepEqual(
    byBytes.map((r) => r.id),
    ids.slice(2, 4),
  );
  const byAge = await store.enforceRetention({ ...LIMITS, retentionDays: 1.5 }, now);
  assert.deepEqual(
    byAge.map((r) => r.id),
    [ids[4]],
  );
  assert.deepEqual(
    store.query({ limit: 10 }).map((r) => r.id),
    [ids[5]],
  );
  assert.deepEqual(
    readdirSync(dir).filter((name) => name.endsWith('.jpg')),
    [`${ids[5]}.jpg`],
    'their files are gone too',
  );
});

test('the index is rebuilt at start: complete pictures only; temp files, orphans, torn lines and planted links are cleared', async () => {
  const kept = (await store.add(picture('cam-1', jpeg(3000, 1), 1000), 0)).record;
  const swapped = (await store.add(picture('cam-1', jpeg(3000, 2), 2000), 0)).record;
  const shortened = (await store.add(picture('cam-2', jpeg(3000, 3), 3000), 0)).record;
  await store.close();

  const outside = join(dir, '..', 'outside.txt');
  const sentinels = plantSentinels([outside]);
  writeFileSync(join(dir, '.tmp-0123456789abcdef'), jpeg(3000, 9).subarray(0, 1000));
  writeFileSync(join(dir, `${'a'.repeat(24)}.jpg`), jpeg(3000, 10));
  symlinkSync(outside, join(dir, `${'b'.repeat(24)}.png`));
  const swappedFile = join(dir, pictureFileName(swapped));
  removeDir(swappedFile);
  symlinkSync(outside, swappedFile);
  writeFileSync(join(dir, pictureFileName(shortened)), jpeg(3000, 3).subarray(0, 2000));
  appendFileSync(join(dir, 'index.jsonl'), '{"op":"put","record":{"id":"trunc');

  store = PictureStore.open(dir);
  assert.deepEqual(
    store.query({ limit: 10 }).map((r) => r.id),
    [kept.id],
  );
  assert.deepEqual(readdirSync(dir).sort(), [pictureFileName(kept), 'index.jsonl'].sort());
  assert.equal(await store.read(swapped.id), null);
  sentinels.assertUnread();
  assert.equal(readFileSync(outside, 'utf8'), `${OUTSIDE_SECRET}\n`, 'the link target is intact');
});

test('with 10,000 pictures the rebuilt index answers newest, before-a-time and by-camera correctly', async () => {
  await store.close();
  // Written directly (no fsync per file) so the test spends its time on the index, not the disk.
  seedPictureFolder(dir, 10_000, { cameras: 7, startMs: 1_000_000, stepMs: 10 });
  store = PictureStore.open(dir);
  assert.equal(store.count, 10_000);
  const newest = store.query({ limit: 50 });
  assert.equal(newest.length, 50);
  assert.equal(newest[0]!.at, 1_000_000 + 9_999 * 10);
  assert.ok(newest.every((r, i) => i === 0 || newest[i - 1]!.at > r.at));
  const before = store.query({ limit: 3, before: 1_000_000 + 5_000 * 10 });
  assert.deepEqual(
    before.map((r) => r.at),
    [1_049_990, 1_049_980, 1_049_970],
  );
  const cam3 = store.query({ limit: 50, camera: 'cam-3' });
  assert.equal(cam3.length, 50);
  assert.ok(cam3.every((r) => r.camera === 'cam-3'));
  assert.equal(cam3[0]!.at, 1_000_000 + 9_999 * 10, '9,999 is 3 modulo 7');
  const cam3Before = store.query({ limit: 2, camera: 'cam-3', before: cam3[0]!.at });
  assert.deepEqual(
    cam3Before.map((r) => r.at),
    [cam3[1]!.at, cam3[2]!.at],
  );
  assert.deepEqual(store.query({ limit: 5, camera: 'nobody' }), []);
  assert.deepEqual(store.query({ limit: 5, before: 1_000_000 }), []);
});

test('a folder given as the picture folder is created private', () => {
  const fresh = join(makeTempDir('hearth-picture-store-'), 'deep', 'strangers');
  mkdirSync(join(fresh, '..'), { recursive: true });
  const opened = PictureStore.open(fresh);
  assert.equal(statSync(fresh).mode & 0o777, 0o700);
  assert.ok(existsSync(join(fresh, 'index.jsonl')));
  void opened.close();
  removeDir(join(fresh, '..', '..'));
});
