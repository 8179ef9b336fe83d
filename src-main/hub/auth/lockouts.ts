// Failed logins, counted per address and per presented token, with a lockout that decays.
// A lockout only ever blocks failed credentials: a valid token is always let in, so the owner's
// own phone is never banned by someone else guessing from the same address.
export interface LockoutView {
  key: string;
  failures: number;
  lockedUntil: string | null;
}

const WINDOW_MS = 10 * 60_000;
const FAILURES_BEFORE_LOCKOUT = 10;
const FIRST_LOCKOUT_MS = 60_000;
const MAX_LOCKOUT_MS = 60 * 60_000;
const MAX_KEYS = 10_000;

interface Entry {
  failures: number[];
  lockedUntil: number;
  lockouts: number;
}

export class Lockouts {
  private readonly entries = new Map<string, Entry>();

  /** Records a failure; returns how many seconds the key is now locked out for (0: not locked). */
  fail(key: string, now = Date.now()): number {
    if (this.entries.size >= MAX_KEYS && !this.entries.has(key)) this.prune(now);
    const entry = this.entries.get(key) ?? { failures: [], lockedUntil: 0, lockouts: 0 };
    entry.failures = entry.failures.filter((at) => now - at < WINDOW_MS);
    entry.failures.push(now);
    if (entry.lockedUntil <= now && entry.failures.length >= FAILURES_BEFORE_LOCKOUT) {
      entry.lockedUntil = now + Math.min(MAX_LOCKOUT_MS, FIRST_LOCKOUT_MS * 2 ** entry.lockouts);
      entry.lockouts += 1;
      entry.failures = [];
    }
    this.entries.set(key, entry);
    return this.retryAfter(key, now);
  }

  retryAfter(key: string, now = Date.now()): number {
    const until = this.entries.get(key)?.lockedUntil ?? 0;
    return until > now ? Math.ceil((until - now) / 1000) : 0;
  }

  list(now = Date.now()): LockoutView[] {
    this.prune(now);
    return [...this.entries].map(([key, entry]) => ({
      key,
      failures: entry.failures.length,
      lockedUntil: entry.lockedUntil > now ? new Date(entry.lockedUntil).toISOString() : null,
    }));
  }

  clear(key: string): boolean {
    return this.entries.delete(key);
  }

  private prune(now: number): void {
    for (const [key, entry] of this.entries) {
      const recent = entry.failures.some((at) => now - at < WINDOW_MS);
      if (!recent && entry.lockedUntil <= now) this.entries.delete(key);
    }
  }
}
