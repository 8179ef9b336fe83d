// Warnings the owner should see (a state file set aside, an unsafe setting switched on): kept
// for the panel's status view and announced as `warning` events as they happen.
import type { EventBus } from './events.js';
import type { Logger } from './log.js';

export interface ActiveWarning {
  code: string;
  message: string;
  at: string;
}

const MAX_WARNINGS = 50;

export class Warnings {
  private readonly active: ActiveWarning[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly log: Logger,
  ) {}

  /** Raises a warning; one already active with the same code is replaced, not repeated. */
  raise(code: string, message: string): void {
    if (this.active.some((warning) => warning.code === code && warning.message === message)) return;
    this.clear(code);
    const event = this.events.emit('warning', { code, message });
    this.active.push({ code, message, at: event.at });
    if (this.active.length > MAX_WARNINGS) this.active.shift();
    this.log.warn(message, { code });
  }

  /** The condition is over (a setting switched back off). */
  clear(code: string): void {
    const index = this.active.findIndex((warning) => warning.code === code);
    if (index >= 0) this.active.splice(index, 1);
  }

  list(): ActiveWarning[] {
    return [...this.active];
  }
}
