// API tokens (contract 3.2): the admin token, one token per paired phone and one per browser
// signed in (a session), each with a name, a scope and its times. Only SHA-256 hashes are kept;
// a presented token is hashed and looked up by its hash, then compared in constant time.
// Revoking one closes what it has open; a session unused for too long is revoked when next seen.
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { StateStore } from '../store/state-store.js';
import type { TokenRecord } from '../store/state-schema.js';
import { Lockouts } from './lockouts.js';
import { MAX_SESSIONS, sessionExpired } from './session-lifetime.js';
import { generateToken, hashToken } from './tokens.js';
import type { TokenIdentity, TokenScope, TokenVerifier } from './token-verifier.js';

export const ADMIN_TOKEN_ID = 'admin';
const TOUCH_EVERY_MS = 60_000;

export type TokenKind = 'admin' | TokenRecord['kind'];

export interface TokenView {
  id: string;
  name: string;
  scope: TokenScope;
  kind: TokenKind;
  remember: boolean;
  createdAt: string;
  lastUsedAt: string | null;
  /** The token that asked for the list (the panel marks "this browser"). */
  current: boolean;
}

export class TooManySessionsError extends Error {
  override readonly name = 'TooManySessionsError';
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
    if (sessionExpired(record, Date.now())) {
      this.revoke(record.id);
      return null;
    }
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

  /** A new token for a paired phone or script, returned once; only its hash is kept. */
  create(name: string, scope: TokenScope): { id: string; token: string } {
    return this.add({ name, scope, kind: 'paired', remember: false });
  }

  /**
   * A browser's own session token with the scope of the token it signed in with. Sessions
   * unused for too long are dropped first; with MAX_SESSIONS still open, the sign-in is refused
   * rather than another browser signed out behind its owner's back.
   */
  createSession(name: string, scope: TokenScope, remember: boolean): { id: string; token: string } {
    this.revokeExpiredSessions();
    const open = Object.values(this.store.state.tokens).filter((t) => t.kind === 'session');
    if (open.length >= MAX_SESSIONS) {
      throw new TooManySessionsError(
        `${MAX_SESSIONS} browsers are signed in already; sign some out under Settings → Tokens first`,
      );
    }
    return this.add({ name, scope, kind: 'session', remember });
  }

  kindOf(id: string): TokenKind | null {
    if (id === ADMIN_TOKEN_ID) return 'admin';
    return Object.hasOwn(this.store.state.tokens, id) ? this.store.state.tokens[id]!.kind : null;
  }

  list(currentId: string | null = null): TokenView[] {
    const admin: TokenView[] = this.store.state.adminTokenHash
      ? [
          {
            id: ADMIN_TOKEN_ID,
            name: 'Admin token',
            scope: 'admin',
            kind: 'admin',
            remember: false,
            createdAt: '',
            lastUsedAt: this.adminLastUsedAt,
            current: currentId === ADMIN_TOKEN_ID,
          },
        ]
      : [];
    const now = Date.now();
    return [
      ...admin,
      ...Object.values(this.store.state.tokens)
        .filter((record) => !sessionExpired(record, now))
        .map(({ hash: _hash, ...view }) => ({
          ...view,
          // A use just now is on its way to the file (touch writes soon, not at once).
          lastUsedAt: this.lastTouchedAt(view.id) ?? view.lastUsedAt,
          current: view.id === currentId,
        })),
    ];
  }

  /** A long-lived use of a token (an open event stream) keeps its "last used" current. */
  seen(id: string): void {
    if (id === ADMIN_TOKEN_ID) this.adminLastUsedAt = new Date().toISOString();
    else if (Object.hasOwn(this.store.state.tokens, id)) this.touch(id);
  }

  /** Revokes every session unused for longer than it may be; returns how many. */
  revokeExpiredSessions(now = Date.now()): number {
    const expired = Object.values(this.store.state.tokens).filter((record) =>
      sessionExpired(record, now),
    );
    for (const record of expired) this.revoke(record.id);
    return expired.length;
  }

  private add(fields: Pick<TokenRecord, 'name' | 'scope' | 'kind' | 'remember'>): {
    id: string;
    token: string;
  } {
    const token = generateToken();
    const prefix = fields.kind === 'session' ? 'ses' : fields.scope === 'admin' ? 'adm' : 'tok';
    const id = `${prefix}-${randomBytes(6).toString('hex')}`;
    const record: TokenRecord = {
      id,
      ...fields,
      hash: hashToken(token),
      createdAt: new Date().toISOString(),
      lastUsedAt: null,
    };
    this.store.update((draft) => {
      draft.tokens[id] = record;
    });
    return { id, token };
  }

  /** False when there is no such token (the admin token has no record, so no name to change). */
  rename(id: string, name: string): boolean {
    if (!Object.hasOwn(this.store.state.tokens, id)) return false;
    this.store.update((draft) => {
      draft.tokens[id]!.name = name;
    });
    return true;
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

  private lastTouchedAt(id: string): string | null {
    const at = this.lastTouched.get(id);
    return at === undefined ? null : new Date(at).toISOString();
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
