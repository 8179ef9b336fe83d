// Auto-relock (off by default, per lock): a door unlocked for the set number of minutes is
// locked again through the same lock service and audit log. When that fails, the owner gets an
// "unlocked too long" warning.
import type { EventBus } from '../events.js';
import { UNLOCKED_TOO_LONG, unlockedKey } from './unlocked-watch.js';
import type { Warnings } from '../warnings.js';
import type { LockService } from './lock-service.js';

export class AutoRelock {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly stopListening: () => void;

  constructor(
    events: EventBus,
    private readonly locks: LockService,
    private readonly minutesFor: (id: string) => number | undefined,
    private readonly warnings: Warnings,
    private readonly nameOf: (id: string) => string,
  ) {
    this.stopListening = events.onAny((event) => {
      if (event.type !== 'lock_state') return;
      const { id, state } = event.data as { id: string; state: string };
      if (state === 'unlocked') this.schedule(id);
      else if (state === 'locked') this.cancel(id);
    });
  }

  stop(): void {
    this.stopListening();
    for (const id of [...this.timers.keys()]) this.cancel(id);
  }

  private schedule(id: string): void {
    const minutes = this.minutesFor(id);
    if (minutes === undefined) return;
    this.cancel(id);
    const timer = setTimeout(() => void this.relock(id, minutes), minutes * 60_000);
    timer.unref();
    this.timers.set(id, timer);
  }

  private cancel(id: string): void {
    clearTimeout(this.timers.get(id));
    this.timers.delete(id);
    this.warnings.clear(unlockedKey(id));
  }

  private async relock(id: string, minutes: number): Promise<void> {
    this.timers.delete(id);
    const result = await this.locks.command(id, 'LOCK', {
      source: 'auto-relock',
      actor: 'the hub',
      by: { kind: 'hub' },
    });
    if (!result.ok) {
      this.warnings.raise(
        UNLOCKED_TOO_LONG,
        {
          name: this.nameOf(id),
          seconds: minutes * 60,
          relock: result.code,
          detail: result.message,
        },
        unlockedKey(id),
      );
    }
  }
}
