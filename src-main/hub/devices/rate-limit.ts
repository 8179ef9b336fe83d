// A fixed-window counter per key (an address): enough to stop a flood of hand_shakes without
// keeping a timestamp per message. Old windows are dropped as they pass.
export class RateLimit {
  private readonly windows = new Map<string, { start: number; count: number }>();

  constructor(
    private readonly perWindow: () => number,
    private readonly windowMs = 60_000,
  ) {}

  /** Counts one event for `key`; false when the key is over its limit in this window. */
  take(key: string, now = Date.now()): boolean {
    if (this.windows.size > 10_000) this.prune(now);
    const window = this.windows.get(key);
    if (!window || now - window.start >= this.windowMs) {
      this.windows.set(key, { start: now, count: 1 });
      return true;
    }
    window.count += 1;
    return window.count <= this.perWindow();
  }

  private prune(now: number): void {
    for (const [key, window] of this.windows) {
      if (now - window.start >= this.windowMs) this.windows.delete(key);
    }
  }
}
