// Warnings the owner should see (a state file set aside, an unsafe setting switched on): kept
// for the panel's status view and announced as `warning` events as they happen. Each is a code
// and its parameters (messages/warnings.ts); the English is made from them, for the log and API.
import type { MessageParams } from '../shared/messages/define-messages.js';
import {
  warningMessages,
  type WarningCode,
  type WarningParams,
} from '../shared/messages/warnings.js';
import type { EventBus } from './events.js';
import type { Logger } from './log.js';

export interface ActiveWarning {
  code: WarningCode;
  message: string;
  params: MessageParams;
  at: string;
}

interface KeptWarning extends ActiveWarning {
  /** What it is about (a lock's id), so one lock's warning does not replace another's. */
  key: string;
}

const MAX_WARNINGS = 50;

/**
 * What the parts that start before Warnings exist are given (the store, the certificate): the
 * code and parameters, and the English made from them (their own tests read it).
 */
export type OnWarning = <C extends WarningCode>(
  code: C,
  message: string,
  params: WarningParams<C>,
) => void;

/** The hub's English for a warning. */
export function warningEnglish<C extends WarningCode>(code: C, params: WarningParams<C>): string {
  return (warningMessages[code].en as (params: WarningParams<C>) => string)(params);
}

export class Warnings {
  private readonly active: KeptWarning[] = [];

  constructor(
    private readonly events: EventBus,
    private readonly log: Logger,
  ) {}

  /** Raises a warning; one already active with the same key is replaced, not repeated. */
  raise<C extends WarningCode>(code: C, params: WarningParams<C>, key: string = code): void {
    const message = warningEnglish(code, params);
    if (this.active.some((warning) => warning.key === key && warning.message === message)) return;
    this.clear(key);
    const flat = params as MessageParams;
    const event = this.events.emit('warning', { code, message, params: flat });
    this.active.push({ code, message, params: flat, at: event.at, key });
    if (this.active.length > MAX_WARNINGS) this.active.shift();
    this.log.warn(message, { code });
  }

  /** The condition is over (a setting switched back off); `key` as it was raised with. */
  clear(key: string): void {
    const index = this.active.findIndex((warning) => warning.key === key);
    if (index >= 0) this.active.splice(index, 1);
  }

  list(): ActiveWarning[] {
    return this.active.map(({ code, message, params, at }) => ({ code, message, params, at }));
  }
}
