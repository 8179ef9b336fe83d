// A device reporting a battery at or below LOW_BATTERY_PERCENT raises `low_battery` (one per
// device), so the owner replaces it before the lock dies with the door in whatever state it was.
// It clears once the device reports comfortably above the line (a new battery), not on every
// flicker around it.
import type { WarningCode } from '../../shared/messages/warnings.js';
import type { EventBus } from '../events.js';
import type { Warnings } from '../warnings.js';

export const LOW_BATTERY = 'low_battery' satisfies WarningCode;
export const LOW_BATTERY_PERCENT = 15;
const RECOVERED_PERCENT = 25;

export class LowBatteryWatch {
  private readonly low = new Set<string>();
  private readonly stopListening: () => void;

  constructor(
    events: EventBus,
    private readonly warnings: Warnings,
    private readonly nameOf: (id: string) => string,
  ) {
    this.stopListening = events.onAny((event) => {
      // device_state comes for every kind of device (a lock's also as lock_state).
      if (event.type !== 'device_state') return;
      const { id, battery } = event.data as { id: string; battery: number | null };
      if (battery !== null) this.report(id, battery);
    });
  }

  stop(): void {
    this.stopListening();
  }

  private report(id: string, battery: number): void {
    if (battery <= LOW_BATTERY_PERCENT) {
      this.low.add(id);
      this.warnings.raise(LOW_BATTERY, { name: this.nameOf(id), battery }, `${LOW_BATTERY}:${id}`);
    } else if (battery >= RECOVERED_PERCENT && this.low.delete(id)) {
      this.warnings.clear(`${LOW_BATTERY}:${id}`);
    }
  }
}
