// Warnings the owner should see (a state file set aside, an unsafe setting switched on): kept
// for the panel's status view and announced as `warning` events as they happen.
import type { EventBus } from './events.js';
import type { Logger } from './log.js';

export interface ActiveWarning {
  code: string;
  message: string;
  at: string;
}

interface KeptWarning extends ActiveWarning {
  /** What it is about (a lock's id), so one lock's warning does not replace another's. */
  key: string;
}

const MAX_WARNINGS = 50;

export class Warnings {
  private readonly active: KeptWarning[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly log: Logger,
  ) {}

  /** Raises a warning; one already active with the same code is replaced, not repeated. */
  raise(code: string, message: string, key = code): void {
    if (this.active.some((warning) => warning.key === key && warning.message === message)) return;
    this.clear(code, key);
    const event = this.events.emit('warning', { code, message });
    this.active.push({ code, message, at: event.at, key });
    if (this.active.length > MAX_WARNINGS) this.active.shift();
    this.log.warn(message, { code });
  }

  /** The condition is over (a setting switched back off). */
  clear(code: string, key = code): void {
    const index = this.active.findIndex((warning) => warning.code === code && warning.key === key);
    if (index >= 0) this.active.splice(index, 1);
  }

  list(): ActiveWarning[] {
    return this.active.map(({ code, message, at }) => ({ code, message, at }));
  }
}
