// The TLS key kept sealed (the desktop app seals it with Electron's safeStorage, i.e. the OS
// keychain; Electron cannot run here, so an AES-256-GCM sealer with a key held in memory stands
// in for it). The hub's side is real: the files, the migration of a plain key, the fallbacks.
import assert from 'node:assert/strict';
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { startHub } from '../../src-main/hub/hub.js';
import { silentLogger } from '../../src-main/hub/log.js';
import type { SecretSealer } from '../../src-main/hub/tls/hub-certificate.js';
import { makeTempDir, removeDir, TEST_ADMIN_TOKEN } from '../helpers/hub-process.js';

function aesSealer(key = randomBytes(32)): SecretSealer {
  return {
    seal(text) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(text, 'utf8'), cipher.final()]);
      return Buffer.concat([iv, cipher.getAuthTag(), body]);
    },
    open(sealed) {
      const decipher = createDecipheriv('aes-256-gcm', key, sealed.subarray(0, 12));
      decipher.setAuthTag(sealed.subarray(12, 28));
      return Buffer.concat([decipher.update(sealed.subarray(28)), decipher.final()]).toString();
    },
  };
}

async function run(dataDir: string, sealer?: SecretSealer) {
  const hub = await startHub({
    dataDir,
    host: '127.0.0.1',
    mqttPort: 0,
    wsPort: 0,
    httpPort: 0,
    httpsPort: 0,
    adminToken: TEST_ADMIN_TOKEN,
    log: silentLogger,
    ...(sealer ? { secretSealer: sealer } : {}),
  });
  const status = await hub.call('getStatus', {}, { kind: 'local' });
  const fingerprint = hub.info.tlsFingerprint;
  await hub.stop();
  return { fingerprint, warnings: status.warnings.map((w) => w.code) };
}

const tlsFiles = (dataDir: string) => readdirSync(join(dataDir, 'tls')).sort();

test('with a sealer the key is only ever on disk sealed, and the fingerprint stays', async () => {
  const dataDir = makeTempDir();
  try {
    const sealer = aesSealer();
    const first = await run(dataDir, sealer);
    assert.deepEqual(tlsFiles(dataDir), ['hub.crt', 'hub.key.sealed']);
    const sealed = readFileSync(join(dataDir, 'tls', 'hub.key.sealed'));
    assert.ok(!sealed.toString('latin1').includes('PRIVATE KEY'), 'no plain key inside');
    const second = await run(dataDir, sealer);
    assert.equal(second.fingerprint, first.fingerprint);
    assert.deepEqual(second.warnings, []);
  } finally {
    removeDir(dataDir);
  }
});

test('a plain key from before is sealed and removed, the fingerprint kept', async () => {
  const dataDir = makeTempDir();
  try {
    const plain = await run(dataDir);
    assert.deepEqual(tlsFiles(dataDir), ['hub.crt', 'hub.key']);
    const sealed = await run(dataDir, aesSealer());
    assert.equal(sealed.fingerprint, plain.fingerprint);
    assert.deepEqual(tlsFiles(dataDir), ['hub.crt', 'hub.key.sealed']);
  } finally {
    removeDir(dataDir);
  }
});

for (const [what, sealer] of [
  ['the headless hub, with no sealer', undefined],
  ['another keychain', aesSealer()],
] as const) {
  test(`a sealed key that cannot be opened (${what}): set aside, a new pair, the owner warned`, async () => {
    const dataDir = makeTempDir();
    try {
      const original = await run(dataDir, aesSealer());
      const again = await run(dataDir, sealer);
      assert.notEqual(again.fingerprint, original.fingerprint);
      assert.ok(again.warnings.includes('tls_certificate_replaced'), String(again.warnings));
      const aside = tlsFiles(dataDir).filter((name) => name.includes('.damaged-'));
      assert.ok(
        aside.some((name) => name.startsWith('hub.key.sealed.damaged-')),
        `the sealed key is kept aside, not deleted: ${aside.join(', ')}`,
      );
      const keyFile = sealer ? 'hub.key.sealed' : 'hub.key';
      assert.ok(existsSync(join(dataDir, 'tls', keyFile)), `the new key is in ${keyFile}`);
    } finally {
      removeDir(dataDir);
    }
  });
}
