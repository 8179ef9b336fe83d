// Who a presented token belongs to. One place for the HTTP API and the broker to ask, so that
// every way in (panel, phone, MQTT script) is checked the same way.
import { tokenMatches } from './tokens.js';

export type TokenScope = 'admin' | 'control';

export interface TokenIdentity {
  tokenId: string;
  scope: TokenScope;
}

export interface TokenVerifier {
  verify(token: string): TokenIdentity | null;
  /**
   * A login failed: count it against the address and the presented token. Returns the seconds
   * the caller must wait (0: it may try again now). Valid tokens are never held back.
   */
  recordFailure?(address: string, presented: string | null): number;
}

/** The admin token, whose hash lives in the hub's state. Paired-phone tokens join it later. */
export function createTokenVerifier(getAdminTokenHash: () => string | null): TokenVerifier {
  return {
    verify(token) {
      if (token.length === 0 || token.length > 512) return null;
      return tokenMatches(token, getAdminTokenHash()) ? { tokenId: 'admin', scope: 'admin' } : null;
    },
  };
}
