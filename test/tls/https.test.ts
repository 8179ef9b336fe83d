// The HTTP API over TLS (--https-port) with the hub's own certificate: a phone that pinned the
// fingerprint from the pairing code talks to it exactly as over HTTP, with the same tokens and
// the same guards; a client not speaking TLS is closed without harming anyone else.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash, X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect as connectTcp } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { api } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';

interface Answer {
  status: number;
  body: unknown;
  fingerprint: string;
  headers: Record<string, string | string[] | undefined>;
}

/** One HTTPS request that trusts only the hub's certificate, as a pinning phone would. */
function httpsCall(
  url: string,
  ca: string,
  options: { method?: string; token?: string; body?: unknown; host?: string } = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const payload = options.body === undefined ? undefined : JSON.stringify(options.body);
    const req = request(
      url,
      {
        method: options.method ?? 'GET',
        ca,
        agent: false,
        servername: 'localhost',
        headers: {
          ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
          ...(payload ? { 'content-type': 'application/json' } : {}),
          ...(options.host ? { host: options.host } : {}),
        },
      },
      (res) => {
        const fingerprint = (res.socket as TLSSocket).getPeerCertificate().fingerprint256;
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          const text = Buffer.concat(chunks).toString('utf8');
          resolve({
            status: res.statusCode ?? 0,
            body: text.startsWith('{') ? JSON.parse(text) : text,
            fingerprint,
            headers: res.headers,
          });
        });
      },
    );
    req.on('error', reject);
    req.end(payload);
  });
}

let hub: TestHub;
let cert: string;
before(async () => {
  hub = await startTestHub({ httpsPort: 0 });
  cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
});
after(async () => {
  await hub.close();
});

test('the API answers over HTTPS with the certificate whose fingerprint /info and the pairing code carry', async () => {
  assert.ok(hub.httpsUrl, 'the hub reports its HTTPS port');
  const info = await httpsCall(`${hub.httpsUrl}/api/v1/info`, cert);
  assert.equal(info.status, 200);
  const body = info.body as {
    ports: { https: number };
    tlsFingerprint: string;
    tlsSpkiPin: string;
  };
  assert.equal(body.ports.https, Number(new URL(hub.httpsUrl).port));
  // The public-key pin, as phone developers compute it (the HPKP / OkHttp recipe).
  const publicKey = execFileSync('openssl', ['x509', '-pubkey', '-noout'], { input: cert });
  const der = execFileSync('openssl', ['pkey', '-pubin', '-outform', 'der'], { input: publicKey });
  const pin = createHash('sha256').update(der).digest('base64');
  assert.equal(body.tlsSpkiPin, `sha256/${pin}`);
  assert.equal(body.tlsFingerprint, new X509Certificate(cert).fingerprint256);
  assert.equal(info.fingerprint, body.tlsFingerprint, 'the pinned fingerprint is the one served');
  assert.match(String(info.headers['x-content-type-options']), /nosniff/);

  const code = await httpsCall(`${hub.httpsUrl}/api/v1/pairing-codes`, cert, {
    method: 'POST',
    token: hub.token,
  });
  assert.equal(code.status, 200);
  const uri = new URL((code.body as { pairingUri: string }).pairingUri);
  assert.equal(uri.searchParams.get('https'), new URL(hub.httpsUrl).port);
  assert.equal(uri.searchParams.get('fp'), body.tlsFingerprint);
  assert.equal(uri.searchParams.get('pin'), body.tlsSpkiPin);
  // The QR code's address is the HTTPS one: a phone's camera opens it on the pinned port.
  const pairingUrl = new URL((code.body as { pairingUrl: string }).pairingUrl);
  assert.equal(pairingUrl.protocol, 'https:');
  assert.equal(pairingUrl.port, new URL(hub.httpsUrl).port);
  const fragment = new URLSearchParams(pairingUrl.hash.slice(1));
  assert.equal(fragment.get('code'), (code.body as { code: string }).code);
  assert.equal(fragment.get('pin'), body.tlsSpkiPin, 'an app reading the QR code can pin first');

  // The phone pairs and locks nothing yet, but reads, over HTTPS only.
  const paired = await httpsCall(`${hub.httpsUrl}/api/v1/pair`, cert, {
    method: 'POST',
    body: { code: (code.body as { code: string }).code, name: 'TLS phone' },
  });
  assert.equal(paired.status, 200);
  const phone = (paired.body as { token: string }).token;
  assert.equal(
    (await httpsCall(`${hub.httpsUrl}/api/v1/status`, cert, { token: phone })).status,
    200,
  );
  assert.equal(
    (await api(hub.httpUrl, phone, 'GET', '/api/v1/status')).status,
    200,
    'and over HTTP',
  );
});

test('over HTTPS the same guards hold: no token 401, a control token on an admin route 403, a foreign Host 421', async () => {
  const url = `${hub.httpsUrl}/api/v1/settings`;
  const none = await httpsCall(url, cert);
  assert.equal(none.status, 401);
  assert.deepEqual(Object.keys(none.body as object), ['error']);
  const code = await httpsCall(`${hub.httpsUrl}/api/v1/pairing-codes`, cert, {
    method: 'POST',
    token: hub.token,
  });
  const paired = await httpsCall(`${hub.httpsUrl}/api/v1/pair`, cert, {
    method: 'POST',
    body: { code: (code.body as { code: string }).code, name: 'Second phone' },
  });
  const phone = (paired.body as { token: string }).token;
  assert.equal((await httpsCall(url, cert, { token: phone })).status, 403);
  const rebound = await httpsCall(`${hub.httpsUrl}/api/v1/info`, cert, { host: 'evil.example' });
  assert.equal(rebound.status, 421);
});

test('a client that does not trust the certificate is refused by its own TLS check', async () => {
  await assert.rejects(
    new Promise((resolve, reject) => {
      const req = request(`${hub.httpsUrl}/api/v1/info`, { servername: 'localhost' }, resolve);
      req.on('error', reject);
      req.end();
    }),
    /self[- ]signed|unable to verify/i,
  );
});

test('plain HTTP and garbage on the HTTPS port are closed; HTTPS is still served', async () => {
  const port = Number(new URL(hub.httpsUrl!).port);
  for (const junk of [
    'GET /api/v1/info HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n',
    '\x00\xff'.repeat(500),
  ]) {
    const closed = await new Promise<boolean>((resolve) => {
      const socket = connectTcp({ host: '127.0.0.1', port }, () => socket.write(junk, 'latin1'));
      socket.on('error', () => {});
      socket.on('close', () => resolve(true));
      setTimeout(() => {
        socket.destroy();
        resolve(false);
      }, 5_000).unref();
    });
    assert.ok(closed, 'the hub closed the connection');
  }
  assert.equal((await httpsCall(`${hub.httpsUrl}/api/v1/info`, cert)).status, 200);
});
