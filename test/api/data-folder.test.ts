// The hub's data folder (GET /api/v1/data-folder): its absolute path for the admin (HTTP and the
// desktop window's local caller), never for a control token or without a token, and never in the
// open GET /api/v1/info.
import assert from 'node:assert/strict';
import { isAbsolute, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { api } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

async function pairPhone(): Promise<string> {
  const code = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes');
  assert.equal(code.status, 200);
  const paired = await checkedFetch(`${hub.httpUrl}/api/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.body.code, name: 'Kitchen phone' }),
  });
  assert.equal(paired.status, 200);
  return ((await paired.json()) as { token: string }).token;
}

describe('the data folder', () => {
  test('the admin token gets its absolute path', async () => {
    const answer = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/data-folder');
    assert.equal(answer.status, 200);
    assert.deepEqual(answer.body, { path: resolve(hub.dataDir) });
    assert.ok(isAbsolute(answer.body.path));
  });

  test('the desktop window (local caller) gets the same answer', async () => {
    const answer = await hub.hub.call('getDataFolder', {}, { kind: 'local' });
    assert.deepEqual(answer, { path: resolve(hub.dataDir) });
  });

  test('a control token is refused with 403 and no path', async () => {
    const phone = await pairPhone();
    assert.equal((await api(hub.httpUrl, phone, 'GET', '/api/v1/status')).status, 200);
    const answer = await api(hub.httpUrl, phone, 'GET', '/api/v1/data-folder');
    assert.equal(answer.status, 403);
    assert.equal(answer.body.error.code, 'forbidden');
    assert.ok(!JSON.stringify(answer.body).includes(hub.dataDir));
  });

  test('without a token: 401 and no path', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/data-folder`);
    assert.equal(response.status, 401);
    const text = await response.text();
    assert.match(text, /"unauthorized"/);
    assert.ok(!text.includes(hub.dataDir));
  });

  test('the open info answer does not name the folder', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/info`);
    assert.equal(response.status, 200);
    assert.ok(!(await response.text()).includes(hub.dataDir));
  });
});
