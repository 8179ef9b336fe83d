// API tokens: at least 128 random bits, stored only as SHA-256 hashes, compared in constant
// time (contract 3.2). A token is shown to a person once and never again.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** 256 random bits, URL-safe so it can travel in `#token=` and in MQTT passwords. */
export function generateToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares a presented token with a stored hash without leaking where they differ. */
export function tokenMatches(presented: string, storedHash: string | null): boolean {
  if (storedHash === null || !/^[0-9a-f]{64}$/.test(storedHash)) return false;
  const presentedHash = Buffer.from(hashToken(presented), 'hex');
  return timingSafeEqual(presentedHash, Buffer.from(storedHash, 'hex'));
}

/** The shortest token a person may choose with --admin-token (32 chars of base64 ≈ 192 bits). */
export const MIN_CHOSEN_TOKEN_LENGTH = 32;
