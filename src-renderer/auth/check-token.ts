// Signing a browser in (contract section 1). A typed or linked token is traded for a session
// token of this browser's own (POST /api/v1/sessions), which is what is kept and used; a kept
// session token is checked with getStatus, which needs the control scope, so an accepted call
// proves the token can drive the panel (getInfo would answer any token).
import { createHttpClient } from '../api/http-client.js';
import { isNetworkError, isUnauthorized } from '../api/hub-api-error.js';
import type { Translate } from '../i18n/translate.js';
import { browserName } from './browser-name.js';

export type CheckFailure = {
  ok: false;
  reason: 'rejected' | 'unreachable' | 'other';
  error: unknown;
};
export type TokenCheck = { ok: true } | CheckFailure;
export type SessionStart = { ok: true; token: string; remembered: boolean } | CheckFailure;

export async function checkToken(token: string): Promise<TokenCheck> {
  try {
    await createHttpClient({ token }).getStatus({});
    return { ok: true };
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
    return { ok: true, token: made.token, remembered: made.remember };
  } catch (error) {
    return failure(error);
  }
}

function failure(error: unknown): CheckFailure {
  if (isUnauthorized(error)) return { ok: false, reason: 'rejected', error };
  if (isNetworkError(error)) return { ok: false, reason: 'unreachable', error };
  return { ok: false, reason: 'other', error };
}
