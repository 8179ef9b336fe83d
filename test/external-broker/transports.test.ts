// --broker-url over each transport the contract names (mqtt://, mqtts://, ws://), against a real
// Mosquitto with those listeners. Over TLS the broker's certificate must be trusted (--broker-ca):
// an untrusted one is refused with a message that says what to do.
import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { generate } from 'selfsigned';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { waitUntil } from './support.js';

let mosquitto: TestMosquitto;
let certDir: string;
let caPem: string;
let wsPort: number;
let tlsPort: number;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

before(async () => {
  certDir = makeTempDir('hearth-ext-tls-');
  const made = await generate([{ name: 'commonName', value: 'test broker' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + 24 * 3600 * 1000),
    extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
  });
  caPem = made.cert;
  writeFileSync(join(certDir, 'cert.pem'), made.cert);
  writeFileSync(join(certDir, 'key.pem'), made.private);
  wsPort = await freePort();
  tlsPort = await freePort();
  mosquitto = await startTestMosquitto({
    lines: [
      `listener ${wsPort} 127.0.0.1`,
      'protocol websockets',
      `listener ${tlsPort} 127.0.0.1`,
      `certfile ${join(certDir, 'cert.pem')}`,
      `keyfile ${join(certDir, 'key.pem')}`,
    ],
  });
});
after(async () => {
  await mosquitto?.stop();
  removeDir(certDir);
});

const connected = async (hub: TestHub): Promise<void> => {
  await waitUntil(
    'connected',
    async () =>
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body.brokerConnection.state ===
      'connected',
  );
};

test('ws:// reaches the broker over WebSocket', async () => {
  const hub = await startTestHub({ externalBroker: { url: `ws://127.0.0.1:${wsPort}/mqtt` } });
  try {
    await connected(hub);
  } finally {
    await hub.close();
  }
});

test('mqtts:// with the broker CA given: connected; credentials never shown in /info', async () => {
  const hub = await startTestHub({
    externalBroker: { url: `mqtts://hub:secret-pw@127.0.0.1:${tlsPort}`, ca: Buffer.from(caPem) },
  });
  try {
    await connected(hub);
    const info = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body;
    assert.equal(info.broker, `mqtts://127.0.0.1:${tlsPort}`);
    assert.doesNotMatch(JSON.stringify(info), /secret-pw/);
  } finally {
    await hub.close();
  }
});

test('mqtts:// with a certificate nobody vouched for: refused, and the message says to pass --broker-ca', async () => {
  const hub = await startTestHub({ externalBroker: { url: `mqtts://127.0.0.1:${tlsPort}` } });
  try {
    const refused = await waitUntil('the refusal', async () => {
      const current = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body
        .brokerConnection;
      return current.state !== 'connected' && current.error ? current : null;
    });
    assert.match(refused.error, /TLS certificate is not trusted .*--broker-ca/);
  } finally {
    await hub.close();
  }
});
