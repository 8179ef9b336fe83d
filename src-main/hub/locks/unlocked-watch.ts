// "Door left unlocked": a lock that stays unlocked longer than the owner's setting raises the
// `unlocked_too_long` warning, which the panel lists and the webhook and the desktop app turn
// into notifications. Locking it (or any other reported state) clears the warning.
import type { WarningCode } from '../../shared/messages/warnings.js';
import type { EventBus } from '../events.js';
import type { Warnings } from '../warnings.js';

export const UNLOCKED_TOO_LONG = 'unlocked_too_long' satisfies WarningCode;

/** One lock's warning, so that one lock's does not replace another's. */
export const unlockedKey = (id: string): string => `${UNLOCKED_TOO_LONG}:${id}`;

export class UnlockedWatch {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly stopListening: () => void;

  constructor(
    events: EventBus,
    /** Minutes from the settings, read at each unlock; 0 = never warn. */
    private readonly minutes: () => number,
    private readonly warnings: Warnings,
    private readonly nameOf: (id: string) => string,
  ) {
    this.stopListening = events.onAny((event) => {
      if (event.type !== 'lock_state') return;
      const { id, state, previous } = event.data as { id: string; state: string; previous: string };
      if (state === 'unlocked' && previous !== 'unlocked') this.start(id);
      else if (state !== 'unlocked') this.end(id);
    });
  }

  stop(): void {
    this.stopListening();
    for (const timer of this.timers.values()) clearTimeout(timer);
    this.timers.clear();
  }

  private start(id: string): void {
    this.end(id);
    const minutes = this.minutes();
    if (minutes <= 0) return;
    const timer = setTimeout(() => {
      this.timers.delete(id);
      this.warnings.raise(
        UNLOCKED_TOO_LONG,
        { name: this.nameOf(id), seconds: minutes * 60, relock: null, detail: null },
        unlockedKey(id),
      );
    }, minutes * 60_000);
    timer.unref();
    this.timers.set(id, timer);
  }

  private end(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.warnings.clear(unlockedKey(id));
  }
}
