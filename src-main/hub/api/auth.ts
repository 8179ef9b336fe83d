// Bearer-token authentication for the HTTP API (contract 3). The token is checked by the same
// verifier the broker uses; the scope decides what the caller may do.
import type { Request, RequestHandler } from 'express';
import type { Principal } from '../broker/access.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { Scope } from '../../shared/hub-api.js';
import { ApiError } from './error-catalogue.js';

export type TokenPrincipal = Extract<Principal, { kind: 'token' }>;

const callers = new WeakMap<Request, TokenPrincipal>();

export function callerOf(req: Request): TokenPrincipal {
  const caller = callers.get(req);
  if (!caller) throw new ApiError('unauthorized');
  return caller;
}

export function bearerToken(req: Request): string | null {
  const header = req.get('authorization');
  if (!header) return null;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header);
  return match ? match[1]! : null;
}

export function requireScope(scope: Scope, tokens: TokenVerifier): RequestHandler {
  return (req, res, next) => {
    if (scope === 'none') return next();
    const token = bearerToken(req);
    // No credentials at all is not a guess: a plain 401 that counts towards no lockout (a
    // browser tab opening the panel, a phone before pairing).
    if (!token) return next(new ApiError('unauthorized'));
    const identity = tokens.verify(token);
    if (!identity) {
      const wait = tokens.recordFailure?.(addressOf(req), token) ?? 0;
      if (wait > 0) {
        res.setHeader('retry-after', String(wait));
        return next(
          new ApiError('too_many_attempts', `Too many failed logins; try again in ${wait} s.`),
        );
      }
      return next(new ApiError('unauthorized'));
    }
    if (scope === 'admin' && identity.scope !== 'admin') return next(new ApiError('forbidden'));
    callers.set(req, { kind: 'token', tokenId: identity.tokenId, scope: identity.scope });
    next();
  };
}

export function addressOf(req: Request): string {
  const address = req.socket.remoteAddress ?? 'unknown';
  return address.startsWith('::ffff:') ? address.slice(7) : address;
}
