// The gallery: list (newest first, paged by time, by camera), one record, the picture itself
// (content type, nosniff, caching), signed expiring links, /get_pic, DELETE (admin) and the
// find_stranger action's reply of links.
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { api } from '../helpers/devices.js';
import type { TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { connectToken, nextMessage } from '../helpers/mqtt.js';
import { joinDevice, type JoinedDevice } from './support/camera.js';
import { pictureFiles } from './support/folder.js';
import { get, startHubWith } from './support/hub.js';
import { jpeg, png } from './support/pictures.js';

let hub: TestHub;
let front: JoinedDevice;
let back: JoinedDevice;
/** Posted oldest first: front, back, front, back, front. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const posted: any[] = [];
const bytesOf = new Map<string, Buffer>();

before(async () => {
  hub = await startHubWith();
  front = await joinDevice(hub, 'front-cam');
  back = await joinDevice(hub, 'back-cam');
  for (let i = 0; i < 5; i++) {
    const camera = i % 2 === 0 ? front : back;
    const bytes = i === 1 ? png(4000, 100 + i) : jpeg(4000, 100 + i);
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/strangers`, {
      method: 'POST',
      headers: { authorization: camera.basic },
      body: new Uint8Array(bytes),
    });
    assert.equal(response.status, 201);
    const { stranger } = (await response.json()) as { stranger: { id: string; at: string } };
    posted.push(stranger);
    bytesOf.set(stranger.id, bytes);
    // Distinct times, so paging by time is exact.
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
});
after(async () => {
  await front.end();
  await back.end();
  await hub.close();
});

const ids = (list: Array<{ id: string }>): string[] => list.map((s) => s.id);
const newestFirst = (): string[] => ids([...posted].reverse());

test('the list is newest first, limited, paged by `before`, filtered by camera', async () => {
  const all = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/strangers');
  assert.equal(all.status, 200);
  assert.deepEqual(ids(all.body.strangers), newestFirst());
  for (const stranger of all.body.strangers) {
    assert.deepEqual(Object.keys(stranger).sort(), [
      'at',
      'camera',
      'count',
      'firstAt',
      'id',
      'linkExpiresAt',
      'size',
      'type',
      'url',
    ]);
  }
  const page1 = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/strangers?limit=2');
  assert.deepEqual(ids(page1.body.strangers), newestFirst().slice(0, 2));
  const last = page1.body.strangers[1].at as string;
  const page2 = await api(
    hub.httpUrl,
    hub.token,
    'GET',
    `/api/v1/strangers?limit=2&before=${encodeURIComponent(last)}`,
  );
  assert.deepEqual(ids(page2.body.strangers), newestFirst().slice(2, 4));
  const byMs = await api(
    hub.httpUrl,
    hub.token,
    'GET',
    `/api/v1/strangers?before=${Date.parse(last)}`,
  );
  assert.deepEqual(ids(byMs.body.strangers), newestFirst().slice(2));
  const backOnly = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/strangers?camera=back-cam');
  assert.deepEqual(ids(backOnly.body.strangers), [posted[3].id, posted[1].id]);
  const nobody = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/strangers?camera=nobody');
  assert.deepEqual(nobody.body.strangers, []);
});

test('bad list queries are 400; no token is 401', async () => {
  for (const query of [
    'limit=0',
    'limit=501',
    'limit=x',
    'before=yesterday',
    'camera=../x',
    `camera=${'c'.repeat(65)}`,
  ]) {
    const response = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/strangers?${query}`);
    assert.equal(response.status, 400, query);
    assert.equal(response.body.error.code, 'invalid_input', query);
  }
  assert.equal((await get(hub, '/api/v1/strangers', null)).status, 401);
});

test('one record; an unknown id is 404, a malformed one 400', async () => {
  const one = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/strangers/${posted[1].id}`);
  assert.equal(one.status, 200);
  assert.equal(one.body.type, 'image/png');
  assert.equal(one.body.camera, 'back-cam');
  const unknown = await api(hub.httpUrl, hub.token, 'GET', `/api/v1/strangers/${'0'.repeat(24)}`);
  assert.deepEqual([unknown.status, unknown.body.error.code], [404, 'unknown_stranger']);
  const malformed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/strangers/NOT-AN-ID');
  assert.deepEqual([malformed.status, malformed.body.error.code], [400, 'invalid_input']);
});

test('the picture: its sniffed content type, nosniff, private caching, an ETag that answers 304', async () => {
  const id = posted[1].id as string;
  const served = await get(hub, `/api/v1/strangers/${id}/image`);
  assert.equal(served.status, 200);
  assert.deepEqual(served.body, bytesOf.get(id));
  assert.equal(served.headers.get('content-type'), 'image/png');
  assert.equal(served.headers.get('x-content-type-options'), 'nosniff');
  assert.match(served.headers.get('cache-control')!, /^private, max-age=\d+, immutable$/);
  assert.equal(served.headers.get('content-length'), String(bytesOf.get(id)!.length));
  const etag = served.headers.get('etag')!;
  const revalidated = await checkedFetch(`${hub.httpUrl}/api/v1/strangers/${id}/image`, {
    headers: { authorization: `Bearer ${hub.token}`, 'if-none-match': etag },
  });
  assert.equal(revalidated.status, 304);
});

function keyOf(dataDir: string): Buffer {
  return Buffer.from(readFileSync(join(dataDir, 'picture-links.key'), 'utf8').trim(), 'hex');
}

test('signed links work without a header until they expire; nothing else does', async () => {
  const [a, b] = [posted[0], posted[2]];
  const link = new URL(a.url, hub.httpUrl);
  const exp = link.searchParams.get('exp')!;
  const sig = link.searchParams.get('sig')!;
  const ok = await get(hub, a.url, null);
  assert.equal(ok.status, 200);
  assert.deepEqual(ok.body, bytesOf.get(a.id));
  const maxAge = Number(/max-age=(\d+)/.exec(ok.headers.get('cache-control')!)![1]);
  assert.ok(maxAge > 0 && maxAge <= 16 * 60, 'cached no longer than the link lives');

  const past = Math.floor(Date.now() / 1000) - 10;
  const expiredSig = createHmac('sha256', keyOf(hub.dataDir))
    .update(`stranger-image\n${a.id}\n${past}`)
    .digest('hex');
  const refused: Array<[string, number, string]> = [
    [`/api/v1/strangers/${a.id}/image?exp=${past}&sig=${expiredSig}`, 403, 'bad_link'],
    [`/api/v1/strangers/${b.id}/image?exp=${exp}&sig=${sig}`, 403, 'bad_link'],
    [`/api/v1/strangers/${a.id}/image?exp=${Number(exp) + 60}&sig=${sig}`, 403, 'bad_link'],
    [`/api/v1/strangers/${a.id}/image?exp=${exp}&sig=${'0'.repeat(64)}`, 403, 'bad_link'],
    [`/api/v1/strangers/${a.id}/image?exp=${exp}`, 403, 'bad_link'],
    [`/api/v1/strangers/${a.id}/image`, 401, 'unauthorized'],
    [`/api/v1/strangers/${a.id}/image?token=${hub.token}`, 401, 'unauthorized'],
  ];
  for (const [path, status, code] of refused) {
    const response = await get(hub, path, null);
    assert.equal(response.status, status, path);
    assert.equal(JSON.parse(response.body.toString()).error.code, code, path);
  }
  const badToken = await get(hub, `/api/v1/strangers/${a.id}/image`, 'not-a-token');
  assert.equal(badToken.status, 401);
  assert.ok(!a.url.includes(hub.token), 'no token in a link');
});

test('/get_pic?id= serves the same bytes with a token or a signed link, 401 without', async () => {
  const { id, url } = posted[3];
  const withToken = await get(hub, `/get_pic?id=${id}`);
  assert.equal(withToken.status, 200);
  assert.deepEqual(withToken.body, bytesOf.get(id));
  const query = new URL(url, hub.httpUrl).search.slice(1);
  const withLink = await get(hub, `/get_pic?id=${id}&${query}`, null);
  assert.equal(withLink.status, 200);
  assert.equal(withLink.headers.get('content-type'), 'image/jpeg');
  assert.equal((await get(hub, `/get_pic?id=${id}`, null)).status, 401);
  assert.equal((await get(hub, '/get_pic')).status, 400);
});

test('find_stranger [camera] [n] replies on its topic with working links, one per line', async () => {
  const client = await connectToken(hub.mqttUrl, hub.token);
  const ask = async (words: string): Promise<string[]> => {
    const reply = nextMessage(client, 'find_stranger');
    await client.publishAsync('hearth/action', words, { qos: 1 });
    return (await reply).payload.split('\n');
  };
  const links = await ask('find_stranger');
  assert.deepEqual(
    links.map((link) => /\/strangers\/([0-9a-f]{24})\//.exec(link)![1]),
    newestFirst(),
  );
  assert.equal((await ask('FIND_STRANGER back-cam 1')).length, 1);
  assert.match((await ask('find_stranger back-cam 1'))[0]!, new RegExp(posted[3].id));
  assert.equal((await ask('find_stranger 2')).length, 2);
  assert.deepEqual(await ask('find_stranger nobody'), ['']);
  const served = await get(hub, links[0]!, null);
  assert.equal(served.status, 200);
  assert.deepEqual(served.body, bytesOf.get(posted[4].id));
  // Bad arguments: no reply, an action_error event instead.
  const error = nextMessage(client, 'hearth/events/action_error');
  await client.publishAsync('hearth/action', 'find_stranger a b c', { qos: 1 });
  assert.equal(JSON.parse((await error).payload).data.action, 'find_stranger');
  await client.endAsync();
});

test('DELETE is for admins; it removes the record and its file', async () => {
  const { id } = posted[0];
  const call = hub.hub.call as (name: string, input: unknown, caller: unknown) => Promise<unknown>;
  await assert.rejects(
    call('deleteStranger', { id }, { kind: 'token', tokenId: 'phone', scope: 'control' }),
    (error: { code?: string }) => error.code === 'forbidden',
  );
  const file = join(hub.dataDir, 'strangers', `${id}.jpg`);
  assert.ok(existsSync(file));
  const deleted = await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/strangers/${id}`);
  assert.deepEqual(deleted.body, { id, deleted: true });
  assert.equal(existsSync(file), false);
  assert.equal((await get(hub, `/api/v1/strangers/${id}/image`)).status, 404);
  assert.equal((await get(hub, posted[0].url, null)).status, 404, 'its old link finds nothing');
  const again = await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/strangers/${id}`);
  assert.deepEqual([again.status, again.body.error.code], [404, 'unknown_stranger']);
  assert.equal(pictureFiles(hub.dataDir).length, 4);
});
