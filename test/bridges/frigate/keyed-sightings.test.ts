// The stranger store's keyed sightings (one per Frigate event): made once and announced once,
// their picture replaced under the same id with a new link, never merged with other pictures,
// kept across a restart, deleted by key. A camera's own pictures behave exactly as before.
import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import type { StrangerView } from '../../../src-main/shared/operations/strangers.js';
import { silentLogger } from '../../../src-main/hub/log.js';
import {
  StrangerSettingsSchema,
  type StrangerSettings,
} from '../../../src-main/hub/store/state-schema.js';
import { StrangerService } from '../../../src-main/hub/strangers/stranger-service.js';
import { delay } from '../../helpers/devices.js';
import { makeTempDir, removeDir } from '../../helpers/hub-process.js';
import { jpeg, png } from '../../strangers/support/pictures.js';

let dataDir: string;
let service: StrangerService;
let stored: StrangerView[];
let refusals: string[];
let settings: StrangerSettings;

const CAMERAS: Record<string, { status: string; kind: string; secretHash: null }> = {
  'frigate.door': { status: 'approved', kind: 'camera', secretHash: null },
  'frigate.rejected': { status: 'rejected', kind: 'camera', secretHash: null },
};

function open(): StrangerService {
  return StrangerService.open({
    dataDir,
    settings: () => settings,
    cameras: { find: (id) => CAMERAS[id] },
    warnings: { raise: () => {}, clear: () => {} },
    activity: {
      record: (entry) => {
        refusals.push(`${String(entry.data?.code)}: ${entry.message}`);
        return { ...entry, seq: 0, at: '' };
      },
    },
    onStored: (stranger) => stored.push(stranger),
    log: silentLogger,
  });
}

const files = (): string[] =>
  readdirSync(join(dataDir, 'strangers'))
    .filter((name) => /^[0-9a-f]{24}\./.test(name))
    .sort();

beforeEach(() => {
  dataDir = makeTempDir('hearth-keyed-');
  stored = [];
  refusals = [];
  settings = StrangerSettingsSchema.parse({ mergeWindowSeconds: 3600 });
  service = open();
});
afterEach(async () => {
  await service.stop();
  removeDir(dataDir);
});

test('made once and announced once; replaced under the same id with a new link; unchanged bytes change nothing', async () => {
  const first = await service.putSighting('frigate.door', 'frigate:1.5-abc', jpeg(5_000, 1));
  assert.ok(first.ok);
  assert.equal(first.kind, 'new');
  const { id } = first.stranger;
  assert.equal(first.stranger.externalId, 'frigate:1.5-abc');
  assert.match(
    first.stranger.url,
    new RegExp(`^/api/v1/strangers/${id}/image\\?exp=\\d+&sig=[0-9a-f]{64}&v=[0-9a-f]{16}$`),
  );
  assert.deepEqual(
    stored.map((s) => s.id),
    [id],
  );

  const same = await service.putSighting('frigate.door', 'frigate:1.5-abc', jpeg(5_000, 1));
  assert.ok(same.ok);
  assert.equal(same.kind, 'unchanged');

  const better = jpeg(7_000, 2);
  const replaced = await service.putSighting('frigate.door', 'frigate:1.5-abc', better);
  assert.ok(replaced.ok);
  assert.equal(replaced.kind, 'replaced');
  assert.equal(replaced.stranger.id, id);
  assert.equal(replaced.stranger.size, 7_000);
  assert.equal(replaced.stranger.count, 2);
  assert.notEqual(replaced.stranger.url, first.stranger.url, 'a cached old picture is never shown');
  assert.deepEqual((await service.read(id))?.bytes, better);
  assert.deepEqual(files(), [`${id}.jpg`]);
  assert.equal(stored.length, 1, 'a replacement is not a new stranger');

  // Another format: the old file goes.
  const asPng = png(3_000, 3);
  assert.equal((await service.putSighting('frigate.door', 'frigate:1.5-abc', asPng)).ok, true);
  assert.deepEqual(files(), [`${id}.png`]);
  assert.deepEqual((await service.read(id))?.bytes, asPng);
});

test("never merged or deduplicated with a camera's own pictures or another event's", async () => {
  const bytes = jpeg(4_000, 9);
  const a = await service.putSighting('frigate.door', 'frigate:1-a', bytes);
  const b = await service.putSighting('frigate.door', 'frigate:2-b', bytes);
  assert.ok(a.ok && b.ok);
  assert.equal(b.kind, 'new');
  assert.notEqual(a.stranger.id, b.stranger.id);
  // Same camera, same bytes, inside the merge window: a picture of its own, not one of theirs.
  const own = await service.intake('frigate.door', bytes, 'mqtt');
  assert.ok(own.ok);
  assert.equal(own.kind, 'new');
  assert.equal(own.stranger.externalId, undefined);
  assert.equal(service.list({ limit: 10 }).length, 3);
  assert.equal(stored.length, 3);
});

test('kept across a restart: found by its key, replaced in place, deleted by key', async () => {
  const made = await service.putSighting('frigate.door', 'frigate:7-x', jpeg(2_000, 1));
  assert.ok(made.ok);
  await service.stop();
  service = open();
  assert.equal(service.findSighting('frigate:7-x')?.id, made.stranger.id);
  const again = await service.putSighting('frigate.door', 'frigate:7-x', jpeg(2_500, 2));
  assert.ok(again.ok);
  assert.equal(again.kind, 'replaced');
  assert.equal(again.stranger.id, made.stranger.id);
  await service.stop();
  service = open();
  assert.equal(service.get(made.stranger.id)?.size, 2_500);
  assert.equal(await service.removeSighting('frigate:7-x'), true);
  assert.equal(await service.removeSighting('frigate:7-x'), false);
  assert.equal(service.findSighting('frigate:7-x'), undefined);
  assert.deepEqual(files(), []);
});

test('the same checks as any picture, and retention applies', async () => {
  const refused = await service.putSighting('frigate.rejected', 'frigate:1-r', jpeg(1_000));
  assert.equal(refused.ok, false);
  const junk = await service.putSighting('frigate.door', 'frigate:1-j', Buffer.from('<html>'));
  assert.equal(junk.ok, false);
  settings = { ...settings, maxPictureBytes: 1024 };
  const big = await service.putSighting('frigate.door', 'frigate:1-b', jpeg(2_000));
  assert.equal(big.ok, false);
  assert.deepEqual(
    refusals.map((line) => line.split(':')[0]),
    ['not_a_camera', 'not_a_picture', 'payload_too_large'],
  );
  settings = { ...settings, maxPictureBytes: 8 * 1024 * 1024, maxCount: 2 };
  for (const key of ['frigate:1-a', 'frigate:2-b', 'frigate:3-c']) {
    assert.equal((await service.putSighting('frigate.door', key, jpeg(1_000))).ok, true);
    await delay(3); // distinct times: the oldest is certain
  }
  assert.equal(service.list({ limit: 10 }).length, 2);
  assert.equal(service.findSighting('frigate:1-a'), undefined, 'the oldest went');
  assert.deepEqual(files().length, 2);
});
