// MQTT over TLS (--mqtts-port) with the hub's own certificate.
import assert from 'node:assert/strict';
import { X509Certificate } from 'node:crypto';
import { connect as connectTcp } from 'node:net';
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub } from '../helpers/in-process-hub.js';
import { connackCode, connectToken, nextMessage } from '../helpers/mqtt.js';

async function pingOverTls(url: string, token: string, ca: string): Promise<string> {
  const client = await connectToken(url, token, {
    ca,
    servername: 'localhost',
    rejectUnauthorized: true,
  });
  try {
    const reply = nextMessage(client, 'ping');
    await client.publishAsync('hearth/action', 'ping', { qos: 1 });
    return (await reply).payload;
  } finally {
    await client.endAsync();
  }
}

test('ping round-trips over TLS for a client that trusts the hub certificate', async () => {
  const hub = await startTestHub({ mqttsPort: 0 });
  try {
    const cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
    assert.equal(hub.hub.info.tlsFingerprint, new X509Certificate(cert).fingerprint256);
    assert.ok(hub.mqttsUrl);
    assert.equal(await pingOverTls(hub.mqttsUrl, hub.token, cert), 'pong');
    const keyMode = statSync(join(hub.dataDir, 'tls', 'hub.key')).mode & 0o777;
    assert.equal(keyMode, 0o600, 'the private key is readable by the owner only');
  } finally {
    await hub.close();
  }
});

test('TLS logins are checked like any other: a wrong token gets CONNACK 4', async () => {
  const hub = await startTestHub({ mqttsPort: 0 });
  try {
    const cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
    const code = await connackCode(hub.mqttsUrl!, {
      username: 'token',
      password: 'wrong',
      ca: cert,
      servername: 'localhost',
    });
    assert.equal(code, 4);
  } finally {
    await hub.close();
  }
});

test('plain MQTT and garbage on the TLS port are closed; TLS clients are still served', async () => {
  const hub = await startTestHub({ mqttsPort: 0 });
  try {
    const port = Number(new URL(hub.mqttsUrl!).port);
    for (const junk of [
      Buffer.from([0x10, 0x0c, 0x00, 0x04, 0x4d, 0x51, 0x54, 0x54]),
      Buffer.alloc(4096, 0x41),
    ]) {
      const closed = await new Promise<boolean>((resolve) => {
        const socket = connectTcp(port, '127.0.0.1', () => socket.write(junk));
        socket.on('error', () => {});
        socket.on('close', () => resolve(true));
        setTimeout(() => {
          socket.destroy();
          resolve(false);
        }, 5_000);
      });
      assert.ok(closed, 'the hub closed the connection');
    }
    const cert = readFileSync(join(hub.dataDir, 'tls', 'hub.crt'), 'utf8');
    assert.equal(await pingOverTls(hub.mqttsUrl!, hub.token, cert), 'pong');
  } finally {
    await hub.close();
  }
});

test('the certificate is kept across restarts, so pinned fingerprints stay valid', async () => {
  const dataDir = makeTempDir();
  try {
    const first = await startTestHub({ dataDir, mqttsPort: 0 });
    const fingerprint = first.hub.info.tlsFingerprint;
    await first.close();
    const second = await startTestHub({ dataDir, mqttsPort: 0 });
    assert.equal(second.hub.info.tlsFingerprint, fingerprint);
    await second.close();
  } finally {
    removeDir(dataDir);
  }
});

test('a damaged certificate is set aside (not deleted), replaced, and the owner warned', async () => {
  const dataDir = makeTempDir();
  try {
    const first = await startTestHub({ dataDir, mqttsPort: 0 });
    const oldFingerprint = first.hub.info.tlsFingerprint;
    await first.close();
    writeFileSync(join(dataDir, 'tls', 'hub.crt'), '-----BEGIN CERTIFICATE-----\ngarbage\n');
    const second = await startTestHub({ dataDir, mqttsPort: 0 });
    try {
      assert.notEqual(second.hub.info.tlsFingerprint, oldFingerprint);
      const status = await second.hub.call('getStatus', {}, { kind: 'local' });
      assert.ok(status.warnings.some((w) => w.code === 'tls_certificate_replaced'));
      const aside = readdirSync(join(dataDir, 'tls')).filter((name) => name.includes('.damaged-'));
      assert.equal(aside.length, 2, 'both halves of the old pair are kept');
      const cert = readFileSync(join(dataDir, 'tls', 'hub.crt'), 'utf8');
      assert.equal(await pingOverTls(second.mqttsUrl!, second.token, cert), 'pong');
    } finally {
      await second.close();
    }
  } finally {
    removeDir(dataDir);
  }
});
