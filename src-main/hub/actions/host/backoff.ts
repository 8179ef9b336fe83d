// Restart back-off for the action sandbox's worker: a worker that keeps dying (one stuck past
// its deadline again and again, called by a chatty device) is restarted ever more slowly, up
// to MAX_MS; a worker that stayed up a while starts again from nothing.
const FIRST_MS = 50;
const MAX_MS = 5_000;
const HEALTHY_MS = 30_000;

export class Backoff {
  private delayMs = 0;
  private startedAt = 0;

  crashed(): void {
    if (this.startedAt > 0 && Date.now() - this.startedAt > HEALTHY_MS) this.delayMs = 0;
    this.delayMs = this.delayMs === 0 ? FIRST_MS : Math.min(MAX_MS, this.delayMs * 2);
  }

  started(): void {
    this.startedAt = Date.now();
  }

  /** The delay the next start waits, for logs and tests. */
  get currentMs(): number {
    return this.delayMs;
  }

  wait(): Promise<void> {
    if (this.delayMs === 0) return Promise.resolve();
    return new Promise((resolve) => setTimeout(resolve, this.delayMs));
  }
}
