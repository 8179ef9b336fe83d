// Checks a token before the panel uses it: getStatus needs the control scope, so an accepted
// call proves the token can drive the panel (getInfo would answer any token).
import { createHttpClient } from '../api/http-client.js';
import { isNetworkError, isUnauthorized } from '../api/hub-api-error.js';

export type TokenCheck =
  { ok: true } | { ok: false; reason: 'rejected' | 'unreachable' | 'other'; message: string };

export async function checkToken(token: string): Promise<TokenCheck> {
  try {
    await createHttpClient({ token }).getStatus({});
    return { ok: true };
  } catch (error) {
    if (isUnauthorized(error)) return { ok: false, reason: 'rejected', message: '' };
    if (isNetworkError(error)) return { ok: false, reason: 'unreachable', message: '' };
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, reason: 'other', message };
  }
}
