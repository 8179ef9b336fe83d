// Signing a browser in (contract section 1). A typed or linked token is traded for a session
// token of this browser's own (POST /api/v1/sessions), which is what is kept and used; a kept
// token is checked with GET /api/v1/tokens/current, which needs the control scope, so an
// accepted call proves the token can drive the panel and says what it may do.
import { createHttpClient } from '../api/http-client.js';
import { HubApiError, isNetworkError, isUnauthorized } from '../api/hub-api-error.js';
import type { Translate } from '../i18n/translate.js';
import { browserName } from './browser-name.js';

export type CheckFailure = {
  ok: false;
  reason: 'rejected' | 'unreachable' | 'codeRefused' | 'other';
  error: unknown;
};
export type Scope = 'admin' | 'control';
export type TokenCheck = { ok: true; scope: Scope } | CheckFailure;
export type SessionStart =
  { ok: true; token: string; remembered: boolean; scope: Scope } | CheckFailure;

export async function checkToken(token: string): Promise<TokenCheck> {
  try {
    const own = await createHttpClient({ token }).currentToken({});
    return { ok: true, scope: own.scope };
  } catch (error) {
    return failure(error);
  }
}

export async function startSession(
  token: string,
  remember: boolean,
  t: Translate,
): Promise<SessionStart> {
  try {
    const made = await createHttpClient({ token }).createSession({
      name: browserName(navigator.userAgent, t),
      remember,
    });
    return { ok: true, token: made.token, remembered: made.remember, scope: made.scope };
  } catch (error) {
    return failure(error);
  }
}

/** A phone trades a pairing code for its own control token, kept on the phone. */
export async function redeemPairingCode(code: string, t: Translate): Promise<SessionStart> {
  try {
    const paired = await createHttpClient({ token: '' }).pair({
      code,
      name: browserName(navigator.userAgent, t),
    });
    return { ok: true, token: paired.token, remembered: true, scope: 'control' };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): CheckFailure {
  if (error instanceof HubApiError && error.code === 'invalid_pairing_code') {
    return { ok: false, reason: 'codeRefused', error };
  }
  if (isUnauthorized(error)) return { ok: false, reason: 'rejected', error };
  if (isNetworkError(error)) return { ok: false, reason: 'unreachable', error };
  return { ok: false, reason: 'other', error };
}
