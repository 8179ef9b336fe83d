// Exponential backoff with jitter: after a hub restart every device would otherwise come back
// in the same second.
export interface BackoffOptions {
  /** First delay. */
  initialMs: number;
  /** Ceiling for every later delay. */
  maxMs: number;
  /** Growth per attempt (default 2). */
  factor?: number;
  /** ± this fraction of randomness on each delay (default 0.2). */
  jitter?: number;
}

export class Backoff {
  private attempt = 0;
  private readonly factor: number;
  private readonly jitter: number;

  constructor(
    private readonly options: BackoffOptions,
    private readonly random: () => number = Math.random,
  ) {
    if (!(options.initialMs > 0) || !(options.maxMs >= options.initialMs)) {
      throw new RangeError('backoff needs 0 < initialMs <= maxMs');
    }
    this.factor = options.factor ?? 2;
    this.jitter = options.jitter ?? 0.2;
  }

  /** The delay before the next attempt; each call grows it until maxMs. */
  next(): number {
    const base = Math.min(
      this.options.maxMs,
      this.options.initialMs * this.factor ** Math.min(this.attempt, 30),
    );
    this.attempt += 1;
    const spread = base * this.jitter * (this.random() * 2 - 1);
    return Math.max(1, Math.round(base + spread));
  }

  /** After a success: the next failure starts from initialMs again. */
  reset(): void {
    this.attempt = 0;
  }
}
