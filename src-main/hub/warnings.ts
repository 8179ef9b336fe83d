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

  raise(code: string, message: string): void {
    const event = this.events.emit('warning', { code, message });
    this.active.push({ code, message, at: event.at });
    if (this.active.length > MAX_WARNINGS) this.active.shift();
    this.log.warn(message, { code });
  }

  list(): ActiveWarning[] {
    return [...this.active];
  }
}
