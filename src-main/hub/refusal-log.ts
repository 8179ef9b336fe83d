// Logs each refusal once, but a peer that retries in a loop (or a flood of them) must not
// fill the log: per key, one line per window, and the next line says how many were skipped.
import type { LogFields, Logger } from './log.js';

const MAX_KEYS = 1000;

export class RefusalLog {
  private readonly windows = new Map<string, { until: number; suppressed: number }>();

  constructor(
    private readonly log: Logger,
    private readonly windowMs = 10_000,
  ) {}

  note(level: 'info' | 'warn', key: string, message: string, fields: LogFields): void {
    const now = Date.now();
    const window = this.windows.get(key);
    if (window && window.until > now) {
      window.suppressed++;
      return;
    }
    if (this.windows.size >= MAX_KEYS) this.windows.clear();
    this.windows.set(key, { until: now + this.windowMs, suppressed: 0 });
    const suppressed = window?.suppressed ?? 0;
    this.log[level](
      message,
      suppressed > 0 ? { ...fields, alsoRefusedBefore: suppressed } : fields,
    );
  }
}
