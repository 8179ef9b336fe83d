// Every way the issue lists of asking for a file outside the picture folder, on both routes
// that serve pictures: each is 400 or 404, no such file is read (their access times stay put),
// the answer holds none of their bytes, and nothing is written.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { renameSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import type { TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { joinDevice } from './support/camera.js';
import { OUTSIDE_SECRET, folderEntries, pictureFolder, plantSentinels } from './support/folder.js';
import { startHubWith } from './support/hub.js';
import { jpeg } from './support/pictures.js';

let hub: TestHub;
let elsewhere: string;
let stored: { id: string; url: string };

before(async () => {
  hub = await startHubWith();
  elsewhere = makeTempDir('hearth-elsewhere-');
  const camera = await joinDevice(hub, 'gate-cam');
  const response = await checkedFetch(`${hub.httpUrl}/api/v1/strangers`, {
    method: 'POST',
    headers: { authorization: camera.basic },
    body: new Uint8Array(jpeg(3000)),
  });
  stored = ((await response.json()) as { stranger: { id: string; url: string } }).stranger;
  await camera.end();
});
after(async () => {
  await hub.close();
  removeDir(elsewhere);
});

/** GET with the path sent exactly as written (fetch would normalise dot segments away). */
function rawGet(path: string, token: string | null): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const { hostname, port } = new URL(hub.httpUrl);
    const req = request({
      host: hostname,
      port,
      path,
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
    req.on('response', (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({ status: response.statusCode!, body: Buffer.concat(chunks).toString('latin1') }),
      );
    });
    req.on('error', reject);
    req.end();
  });
}

function attempts(): string[] {
  const absolute = join(elsewhere, 'absolute.txt');
  const ids = [
    '../state.json',
    '../outside.txt',
    '..%2fstate.json',
    '..%2Foutside.txt',
    '%2e%2e%2fstate.json',
    '%2E%2E%2Foutside.txt',
    '%252e%252e%252fstate.json',
    '%252e%252e%252foutside.txt',
    '..\\state.json',
    '..%5coutside.txt',
    encodeURIComponent(absolute),
    absolute,
    '%2fetc%2fpasswd',
    `${stored.id}%00`,
    `${stored.id}%00.jpg`,
    '%00',
    'a'.repeat(4096),
    `${stored.id}.jpg`,
    `${stored.id}/../../state.json`,
    `${stored.id.toUpperCase()}`,
  ];
  return ids.flatMap((id) => [`/get_pic?id=${id}`, `/api/v1/strangers/${id}/image`]);
}

test('traversal, encodings, absolute paths, NUL bytes and a 4 KB id: 400 or 404, nothing read, nothing written', async () => {
  const sentinels = plantSentinels([
    join(hub.dataDir, 'outside.txt'),
    join(elsewhere, 'absolute.txt'),
  ]);
  const folder = folderEntries(hub.dataDir);
  const link = new URL(stored.url, hub.httpUrl).search.slice(1);
  for (const path of attempts()) {
    for (const [token, suffix] of [
      [hub.token, ''],
      [null, `${path.includes('?') ? '&' : '?'}${link}`],
    ] as const) {
      const { status, body } = await rawGet(path + suffix, token);
      assert.ok([400, 403, 404].includes(status), `${path + suffix}: ${status}`);
      if (token) assert.ok(status === 400 || status === 404, `${path}: ${status}`);
      assert.ok(!body.includes(OUTSIDE_SECRET), path);
      assert.ok(!body.includes('hubId') && !body.includes('root:'), path);
    }
  }
  sentinels.assertUnread();
  assert.deepEqual(folderEntries(hub.dataDir), folder, 'nothing written');
});

test('a symlink planted in the picture folder is never followed, under a new name or in place of a picture', async () => {
  const outside = join(hub.dataDir, 'outside.txt');
  const sentinels = plantSentinels([outside]);
  const planted = 'c'.repeat(24);
  symlinkSync(outside, join(pictureFolder(hub.dataDir), `${planted}.jpg`));
  const real = join(pictureFolder(hub.dataDir), `${stored.id}.jpg`);
  renameSync(real, `${real}.aside`);
  symlinkSync(outside, real);
  const paths = [
    `/get_pic?id=${planted}`,
    `/api/v1/strangers/${planted}/image`,
    `/get_pic?id=${stored.id}`,
    `/api/v1/strangers/${stored.id}/image`,
  ];
  for (const path of paths) {
    const { status, body } = await rawGet(path, hub.token);
    assert.equal(status, 404, path);
    assert.ok(!body.includes(OUTSIDE_SECRET), path);
  }
  const { status } = await rawGet(stored.url, null);
  assert.equal(status, 404, 'nor by a signed link');
  sentinels.assertUnread();
});
