// How long a browser's sign-in session lasts unused. A session the owner asked to be remembered
// lasts as Home Assistant's refresh tokens do (90 days unused); one that was not is meant for a
// visit, so a day unused ends it. An open panel keeps its session in use through its event
// stream, so a tab left open is never signed out under the owner.
import type { TokenRecord } from '../store/state-schema.js';

const DAY_MS = 24 * 60 * 60 * 1000;
export const REMEMBERED_SESSION_IDLE_MS = 90 * DAY_MS;
export const VISIT_SESSION_IDLE_MS = DAY_MS;
/** Signed-in browsers at once; each sign-in adds one, so a runaway script cannot grow the state. */
export const MAX_SESSIONS = 50;

export function sessionIdleMs(remember: boolean): number {
  return remember ? REMEMBERED_SESSION_IDLE_MS : VISIT_SESSION_IDLE_MS;
}

/** True for a session token unused for longer than its kind allows; paired tokens never expire. */
export function sessionExpired(record: TokenRecord, now: number): boolean {
  if (record.kind !== 'session') return false;
  const lastUse = Date.parse(record.lastUsedAt ?? record.createdAt);
  return now - lastUse > sessionIdleMs(record.remember);
}

const EXPIRY_SWEEP_MS = 60 * 60 * 1000;

/**
 * Sessions nobody presents any more (a browser cleared, a laptop given away) are revoked at
 * start and then hourly, so Settings → Tokens lists only the ones that can still sign in.
 * Returns the function that stops the sweeping.
 */
export function expireSessionsHourly(tokens: { revokeExpiredSessions(): number }): () => void {
  tokens.revokeExpiredSessions();
  const timer = setInterval(() => tokens.revokeExpiredSessions(), EXPIRY_SWEEP_MS);
  timer.unref();
  return () => clearInterval(timer);
}
