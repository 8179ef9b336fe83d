// Pairing a phone (contract 3.2): the owner makes a one-time code (valid 2 minutes), the panel
// shows it as a QR code, and the phone trades it once for its own `control` token.
import { randomInt } from 'node:crypto';
import { hashToken } from './tokens.js';

export const PAIRING_CODE_MS = 2 * 60_000;
// No 0/O, 1/I/L: a code may be typed by hand when a camera cannot read the QR code.
const ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
const CODE_LENGTH = 10;
const MAX_OPEN_CODES = 20;

export class PairingCodes {
  /** Hash of the code -> when it expires. The codes themselves are not kept. */
  private readonly open = new Map<string, number>();

  create(now = Date.now()): { code: string; expiresAt: string } {
    this.prune(now);
    if (this.open.size >= MAX_OPEN_CODES) {
      const oldest = this.open.keys().next().value;
      if (oldest !== undefined) this.open.delete(oldest);
    }
    let code = '';
    for (let i = 0; i < CODE_LENGTH; i++) code += ALPHABET[randomInt(ALPHABET.length)];
    const expires = now + PAIRING_CODE_MS;
    this.open.set(hashToken(code), expires);
    return { code, expiresAt: new Date(expires).toISOString() };
  }

  /** True once for a valid, unexpired code; it cannot be used again. */
  redeem(code: string, now = Date.now()): boolean {
    const key = hashToken(code.trim().toUpperCase());
    const expires = this.open.get(key);
    this.open.delete(key);
    return expires !== undefined && expires > now;
  }

  private prune(now: number): void {
    for (const [key, expires] of this.open) if (expires <= now) this.open.delete(key);
  }
}
