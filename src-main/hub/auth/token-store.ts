// API tokens (contract 3.2): the admin token and one token per paired phone, each with a
// name, a scope and its times. Only SHA-256 hashes are kept; a presented token is hashed and
// looked up by its hash, then compared in constant time. Revoking one closes what it has open.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StateStore } from '../store/state-store.js';
import type { TokenRecord } from '../store/state-schema.js';
import { Lockouts } from './lockouts.js';
import { generateToken, hashToken } from './tokens.js';
import type { TokenIdentity, TokenScope, TokenVerifier } from './token-verifier.js';

export const ADMIN_TOKEN_ID = 'admin';
const TOUCH_EVERY_MS = 60_000;

export interface TokenView {
  id: string;
  name: string;
  scope: TokenScope;
  createdAt: string;
  lastUsedAt: string | null;
}

export class TokenStore implements TokenVerifier {
  private readonly lastTouched = new Map<string, number>();
  readonly lockouts = new Lockouts();
  /** The admin token has no record of its own in the state: its last use is kept since start. */
  private adminLastUsedAt: string | null = null;

  constructor(
    private readonly store: StateStore,
    private readonly onRevoked: (tokenId: string) => void,
  ) {}

  verify(token: string): TokenIdentity | null {
    if (token.length === 0 || token.length > 512) return null;
    const hash = hashToken(token);
    const admin = this.store.state.adminTokenHash;
    if (admin && sameHash(hash, admin)) {
      this.adminLastUsedAt = new Date().toISOString();
      return { tokenId: ADMIN_TOKEN_ID, scope: 'admin' };
    }
    const record = Object.values(this.store.state.tokens).find((candidate) =>
      sameHash(hash, candidate.hash),
    );
    if (!record) return null;
    this.touch(record.id);
    return { tokenId: record.id, scope: record.scope };
  }

  recordFailure(address: string, presented: string | null): number {
    const byAddress = this.lockouts.fail(`address:${address}`);
    // Per token too, so a token guessed from many addresses is slowed down as well.
    const byToken = presented
      ? this.lockouts.fail(`token:${hashToken(presented).slice(0, 12)}`)
      : 0;
    return Math.max(byAddress, byToken);
  }

  /** A new token, returned once; only its hash is kept. */
  create(name: string, scope: TokenScope): { id: string; token: string } {
    const token = generateToken();
    const id = `${scope === 'admin' ? 'adm' : 'tok'}-${randomBytes(6).toString('hex')}`;
    const record: TokenRecord = {
      id,
      name,
      scope,
      hash: hashToken(token),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
    };
    this.store.update((draft) => {
      draft.tokens[id] = record;
    });
    return { id, token };
  }

  list(): TokenView[] {
    const admin: TokenView[] = this.store.state.adminTokenHash
      ? [
          {
            id: ADMIN_TOKEN_ID,
            name: 'Admin token',
            scope: 'admin',
            createdAt: '',
            lastUsedAt: this.adminLastUsedAt,
          },
        ]
      : [];
    return [
      ...admin,
      ...Object.values(this.store.state.tokens).map(({ hash: _hash, ...view }) => view),
    ];
  }

  /** False when there is no such token. The admin token is replaced with reset-admin-token instead. */
  revoke(id: string): boolean {
    if (!Object.hasOwn(this.store.state.tokens, id)) return false;
    this.store.update((draft) => {
      delete draft.tokens[id];
    });
    this.lastTouched.delete(id);
    this.onRevoked(id);
    return true;
  }

  /** lastUsedAt, written at most once a minute per token (a phone polls often). */
  private touch(id: string): void {
    const now = Date.now();
    if (now - (this.lastTouched.get(id) ?? 0) < TOUCH_EVERY_MS) return;
    this.lastTouched.set(id, now);
    const at = new Date(now).toISOString();
    this.store.updateSoon((draft) => {
      const record = draft.tokens[id];
      if (record) record.lastUsedAt = at;
    });
  }
}

function sameHash(a: string, b: string): boolean {
  return a.length === b.length && timingSafeEqual(Buffer.from(a, 'hex'), Buffer.from(b, 'hex'));
}
