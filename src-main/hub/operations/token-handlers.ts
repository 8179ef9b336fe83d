// Pairing, tokens, lockouts and the state as one document.
import type { OperationHandlers } from '../hub-caller.js';
import { ApiError } from '../api/error-catalogue.js';
import type { PairingCodes } from '../auth/pairing.js';
import type { PairingLinks } from '../auth/pairing-uri.js';
import { TooManySessionsError, type TokenStore } from '../auth/token-store.js';
import { exportState, importState } from '../store/state-import.js';
import type { StateStore } from '../store/state-store.js';

export interface TokenServices {
  tokens: TokenStore;
  pairing: PairingCodes;
  store: StateStore;
  /** The pairing address for the QR code, and `hearth://pair?…`, from a fresh code. */
  pairingLinks: (code: string) => PairingLinks;
  /** The state was replaced: re-check every connection against it. */
  afterImport: () => void;
}

type TokenHandlers = Pick<
  OperationHandlers,
  | 'createPairingCode'
  | 'pair'
  | 'createSession'
  | 'endSession'
  | 'currentToken'
  | 'listTokens'
  | 'renameToken'
  | 'revokeToken'
  | 'listLockouts'
  | 'clearLockout'
  | 'exportState'
  | 'importState'
>;

const NO_SIGN_IN = 'The desktop window needs no sign-in, so there is none to make or end.';

export function tokenHandlers(services: TokenServices): TokenHandlers {
  const { tokens, pairing, store } = services;
  return {
    createPairingCode: () => {
      const { code, expiresAt } = pairing.create();
      return { code, expiresAt, ...services.pairingLinks(code) };
    },
    pair: ({ code, name }, caller) => {
      const address = caller.kind === 'anonymous' ? caller.address : 'local';
      const wait = tokens.lockouts.retryAfter(`address:${address}`);
      if (wait > 0)
        throw new ApiError('too_many_attempts', `Too many attempts; try again in ${wait} s.`);
      if (!pairing.redeem(code)) {
        tokens.recordFailure(address, null);
        throw new ApiError('invalid_pairing_code');
      }
      return tokens.create(name, 'control');
    },
    createSession: ({ name, remember }, caller) => {
      // The desktop window needs no token, so it has nothing to trade for a session.
      if (caller.kind !== 'token') throw new ApiError('bad_request', NO_SIGN_IN);
      try {
        const made = tokens.createSession(name, caller.scope, remember);
        return { ...made, scope: caller.scope, remember };
      } catch (error) {
        if (error instanceof TooManySessionsError) throw new ApiError('too_many_sessions');
        throw error;
      }
    },
    endSession: (_input, caller) => {
      if (caller.kind !== 'token') throw new ApiError('bad_request', NO_SIGN_IN);
      // The owner's key is replaced, never dropped: that would lock the owner out.
      if (tokens.kindOf(caller.tokenId) === 'admin') throw new ApiError('admin_token_stays');
      tokens.revoke(caller.tokenId);
      return { revoked: caller.tokenId };
    },
    currentToken: (_input, caller) => {
      if (caller.kind !== 'token') throw new ApiError('bad_request', NO_SIGN_IN);
      const own = tokens.list(caller.tokenId).find((token) => token.current);
      if (!own) throw new ApiError('unauthorized');
      return own;
    },
    listTokens: (_input, caller) => ({
      tokens: tokens.list(caller.kind === 'token' ? caller.tokenId : null),
    }),
    renameToken: ({ id, name }, caller) => {
      if (!tokens.rename(id, name)) throw new ApiError('unknown_token');
      const current = caller.kind === 'token' ? caller.tokenId : null;
      return tokens.list(current).find((token) => token.id === id)!;
    },
    revokeToken: ({ id }) => {
      if (!tokens.revoke(id)) throw new ApiError('unknown_token');
      return { revoked: id };
    },
    listLockouts: () => ({ lockouts: tokens.lockouts.list() }),
    clearLockout: ({ key }) => {
      if (!tokens.lockouts.clear(key)) throw new ApiError('unknown_lockout');
      return { cleared: key };
    },
    exportState: () => exportState(store) as unknown as Record<string, unknown>,
    importState: ({ state, dryRun }, caller) => {
      const tokenId = caller.kind === 'token' ? caller.tokenId : null;
      const outcome = importState(store, state, { tokenId, dryRun: dryRun === true });
      if (outcome.imported) services.afterImport();
      return outcome;
    },
  };
}
