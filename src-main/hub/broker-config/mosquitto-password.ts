// Mosquitto 2.0's password hashes, so Hearth can write a password file (or dynsec JSON) for an
// external Mosquitto without running mosquitto_passwd. Checked against `mosquitto_passwd -b`
// output and by real logins in test/broker-config.
import { pbkdf2Sync, randomBytes } from 'node:crypto';

// What mosquitto_passwd 2.0 writes: `$7$` = PBKDF2-SHA512, 101 iterations, a 12-byte salt and
// the 64-byte derived key, both in standard base64 with padding.
const ITERATIONS = 101;
const KEY_BYTES = 64;
const HASH = /^\$7\$(\d{1,9})\$([A-Za-z0-9+/]+={0,2})\$([A-Za-z0-9+/]+={0,2})$/;

/** `$7$101$<base64 salt>$<base64 PBKDF2-SHA512 key>`, as `mosquitto_passwd` 2.0 writes it. */
export function mosquittoPasswordHash(password: string, salt: Buffer = randomBytes(12)): string {
  if (salt.length === 0) throw new Error('a Mosquitto password hash needs a salt');
  const key = pbkdf2Sync(Buffer.from(password, 'utf8'), salt, ITERATIONS, KEY_BYTES, 'sha512');
  return `$7$${ITERATIONS}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/**
 * The parts of a `$7$` hash as the dynamic-security plugin's JSON stores them (its `iterations`,
 * `salt` and `password` fields); null for anything that is not such a hash (e.g. the older
 * `$6$` SHA-512 form, which dynsec cannot take).
 */
export function parseMosquittoHash(
  hash: string,
): { iterations: number; salt: string; hash: string } | null {
  const match = HASH.exec(hash);
  if (!match) return null;
  const iterations = Number(match[1]);
  if (!Number.isSafeInteger(iterations) || iterations < 1) return null;
  const salt = Buffer.from(match[2]!, 'base64');
  const key = Buffer.from(match[3]!, 'base64');
  // Re-encoding must give the same text: this rejects base64 that Mosquitto would read
  // differently (wrong padding, stray bits) rather than passing it on.
  if (salt.length === 0 || salt.toString('base64') !== match[2]) return null;
  if (key.length !== KEY_BYTES || key.toString('base64') !== match[3]) return null;
  return { iterations, salt: match[2]!, hash: match[3]! };
}
