// Notices when the hub was not running for a while: the computer slept, or the process was
// frozen. A timer that should tick every second comes back late by the time it was away. While
// away nobody answered the door, so the owner is told how long, and from when to when.
export interface AwaySpan {
  fromMs: number;
  toMs: number;
}

export interface AwayDetectorOptions {
  /** A late tick counts as "away" beyond this many ms (default 10 s: GC pauses are far less). */
  thresholdMs?: number;
  tickMs?: number;
  onAway(span: AwaySpan): void;
}

export class AwayDetector {
  private last = Date.now();
  private readonly timer: NodeJS.Timeout;
  private readonly thresholdMs: number;
  private readonly tickMs: number;

  constructor(private readonly options: AwayDetectorOptions) {
    this.thresholdMs = options.thresholdMs ?? 10_000;
    this.tickMs = options.tickMs ?? 1_000;
    this.timer = setInterval(() => this.check(), this.tickMs);
    this.timer.unref();
  }

  stop(): void {
    clearInterval(this.timer);
  }

  private check(): void {
    const now = Date.now();
    const late = now - this.last - this.tickMs;
    // The wall clock can also jump (an NTP fix, a changed time zone does not): a jump backwards
    // is never "away", and a forward jump is told as what it looks like to the owner.
    if (late > this.thresholdMs) this.options.onAway({ fromMs: this.last, toMs: now });
    this.last = now;
  }
}
