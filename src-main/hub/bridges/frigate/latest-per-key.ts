// Writes to the stranger store one at a time per sighting, the latest wish winning: a picture
// replaced five times while the first write is still on disk is written twice, not six times,
// and a deletion after a picture is never overtaken by it. Memory follows the events in flight.
import type { Logger } from '../../log.js';

type Slot = { next: (() => Promise<void>) | null };

export class LatestPerKey {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(private readonly log: Logger) {}

  submit(key: string, work: () => Promise<void>): void {
    if (this.stopped) return;
    const slot = this.slots.get(key);
    if (slot) {
      slot.next = work;
      return;
    }
    const fresh: Slot = { next: work };
    this.slots.set(key, fresh);
    void this.drain(key, fresh);
  }

  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) slot.next = null;
  }

  private async drain(key: string, slot: Slot): Promise<void> {
    while (slot.next && !this.stopped) {
      const work = slot.next;
      slot.next = null;
      try {
        await work();
      } catch (error) {
        this.log.error('a Frigate sighting could not be stored', { key, error });
      }
    }
    this.slots.delete(key);
  }
}
