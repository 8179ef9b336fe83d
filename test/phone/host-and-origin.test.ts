// DNS rebinding and cross-site requests (issue 7): a wrong Host gets 421, a foreign Origin 403,
// unless the owner allowed them; a legitimate phone keeps working throughout.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { after, before, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { api } from '../helpers/devices.js';

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(async () => {
  await hub.close();
});

function get(
  path: string,
  headers: Record<string, string>,
): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  const url = new URL(hub.httpUrl);
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: url.port, path, method: 'GET', headers },
      (res) => {
        let body = '';
        res.on('data', (chunk: Buffer) => (body += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end();
  });
}

const bearer = (): Record<string, string> => ({ authorization: `Bearer ${hub.token}` });

test('a Host that is not the hub: 421 with the standard error body, even for /hello', async () => {
  for (const path of ['/hello', '/api/v1/info', '/api/v1/status']) {
    const response = await get(path, { host: 'evil.example', ...bearer() });
    assert.equal(response.status, 421, path);
    assert.equal(
      (JSON.parse(response.body) as { error: { code: string } }).error.code,
      'misdirected_request',
    );
  }
});

test('IP addresses, localhost and the machine name are the hub', async () => {
  for (const host of [
    '127.0.0.1',
    `127.0.0.1:${new URL(hub.httpUrl).port}`,
    'localhost',
    '[::1]:8080',
    '192.168.1.20',
  ]) {
    assert.equal((await get('/hello', { host })).status, 200, host);
  }
});

test('a cross-site Origin is refused; the owner can allow an origin (CORS) and a host name', async () => {
  const foreign = await get('/api/v1/status', {
    host: '127.0.0.1',
    origin: 'http://evil.example',
    ...bearer(),
  });
  assert.equal(foreign.status, 403);
  assert.equal(
    (JSON.parse(foreign.body) as { error: { code: string } }).error.code,
    'forbidden_origin',
  );
  assert.equal(foreign.headers['access-control-allow-origin'], undefined, 'no CORS by default');
  const same = await get('/api/v1/status', {
    host: '127.0.0.1:1234',
    origin: 'http://127.0.0.1:1234',
    ...bearer(),
  });
  assert.equal(same.status, 200, 'the panel itself (same origin) is fine');

  const patched = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    http: {
      allowedHosts: ['hearth.my-vpn.example'],
      allowedOrigins: ['https://dashboard.example'],
    },
  });
  assert.equal(patched.status, 200, JSON.stringify(patched.body));
  const vpn = await get('/api/v1/status', { host: 'hearth.my-vpn.example', ...bearer() });
  assert.equal(vpn.status, 200);
  const cors = await get('/api/v1/status', {
    host: '127.0.0.1',
    origin: 'https://dashboard.example',
    ...bearer(),
  });
  assert.equal(cors.status, 200);
  assert.equal(cors.headers['access-control-allow-origin'], 'https://dashboard.example');
  assert.equal(
    (await get('/api/v1/status', { host: 'evil.example', ...bearer() })).status,
    421,
    'others still refused',
  );
});

test('a bad allow-list entry is refused and changes nothing', async () => {
  const before = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body.http;
  const response = await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/settings', {
    http: { allowedOrigins: ['not a url'] },
  });
  assert.equal(response.status, 400);
  assert.deepEqual(
    (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/settings')).body.http,
    before,
  );
});
