// The hub's own TLS certificate for MQTT over TLS and HTTPS: made once, kept in the data folder
// (`tls/hub.crt`, and the key as `tls/hub.key`, readable by the owner only), reused at every
// start so that devices and phones which pinned its fingerprint keep trusting it. With a sealer
// (the desktop app: Electron's safeStorage, i.e. the OS keychain) the key is kept sealed as
// `tls/hub.key.sealed` instead, and a plain key from before is sealed and removed. A damaged
// pair, or a sealed key this process cannot open, is set aside and a new pair made, with a
// warning: devices must then be told the new fingerprint.
import { createHash, createPrivateKey, X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { warningEnglish, type OnWarning } from '../warnings.js';

/** Seals secrets the app must read back (the desktop app: Electron safeStorage). */
export interface SecretSealer {
  seal(text: string): Buffer;
  open(sealed: Buffer): string;
}

export interface HubCertificate {
  key: string;
  cert: string;
  /** SHA-256 fingerprint, colon-separated hex, as `openssl x509 -fingerprint -sha256` shows it. */
  fingerprint: string;
  /**
   * The public key's pin, `sha256/<base64>` of its SubjectPublicKeyInfo: what phone pinning
   * APIs take (OkHttp's CertificatePinner, Android's network security config, HPKP's form).
   */
  spkiPin: string;
}

const VALID_YEARS = 10;

export async function loadOrCreateHubCertificate(
  dataDir: string,
  onWarning: OnWarning,
  sealer?: SecretSealer,
): Promise<HubCertificate> {
  const dir = join(dataDir, 'tls');
  const keyPath = join(dir, 'hub.key');
  const sealedPath = join(dir, 'hub.key.sealed');
  const certPath = join(dir, 'hub.crt');
  if (existsSync(keyPath) || existsSync(sealedPath) || existsSync(certPath)) {
    try {
      const pair = readPair(readKey(keyPath, sealedPath, sealer), certPath);
      if (sealer && existsSync(keyPath)) {
        // Sealed from now on: the plain copy goes once the sealed one is safely written.
        writeFileSync(sealedPath, sealer.seal(pair.key), { mode: 0o600 });
        rmSync(keyPath);
      }
      return pair;
    } catch (error) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      for (const path of [keyPath, sealedPath, certPath]) {
        if (existsSync(path)) renameSync(path, `${path}.damaged-${stamp}`);
      }
      const params = { error: (error as Error).message };
      onWarning(
        'tls_certificate_replaced',
        warningEnglish('tls_certificate_replaced', params),
        params,
      );
    }
  }
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const made = await generate([{ name: 'commonName', value: 'Hearth hub' }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(Date.now() - 60_000),
    notAfterDate: new Date(Date.now() + VALID_YEARS * 365 * 24 * 3600 * 1000),
    extensions: [
      { name: 'basicConstraints', cA: false },
      { name: 'keyUsage', digitalSignature: true, keyEncipherment: true },
      { name: 'extKeyUsage', serverAuth: true },
      {
        name: 'subjectAltName',
        altNames: [
          { type: 2, value: 'localhost' },
          { type: 2, value: hostname() },
          { type: 2, value: `${hostname()}.local` },
          { type: 7, ip: '127.0.0.1' },
          { type: 7, ip: '::1' },
        ],
      },
    ],
  });
  if (sealer) writeFileSync(sealedPath, sealer.seal(made.private), { mode: 0o600 });
  else writeFileSync(keyPath, made.private, { mode: 0o600 });
  writeFileSync(certPath, made.cert, { mode: 0o644 });
  return readPair(made.private, certPath);
}

function readKey(keyPath: string, sealedPath: string, sealer: SecretSealer | undefined): string {
  if (existsSync(sealedPath)) {
    if (!sealer) throw new Error('the key is sealed by the desktop app and cannot be opened here');
    return sealer.open(readFileSync(sealedPath));
  }
  return readFileSync(keyPath, 'utf8');
}

function readPair(key: string, certPath: string): HubCertificate {
  const cert = readFileSync(certPath, 'utf8');
  const x509 = new X509Certificate(cert);
  // Throws when the key is not a key, or not this certificate's key.
  if (!x509.checkPrivateKey(createPrivateKey(key))) {
    throw new Error('the key does not belong to the certificate');
  }
  const spki = x509.publicKey.export({ type: 'spki', format: 'der' });
  const spkiPin = `sha256/${createHash('sha256').update(spki).digest('base64')}`;
  return { key, cert, fingerprint: x509.fingerprint256, spkiPin };
}
