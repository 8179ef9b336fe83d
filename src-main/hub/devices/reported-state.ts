// What devices report about themselves (state, battery, last seen) changes often: it is kept
// here at once and written to state.json in batches (StateStore.patchDeviceSoon), so a thousand
// chatty devices do not mean a thousand whole-file writes a second.
import type { DeviceRecord } from '../store/state-schema.js';
import type { StateStore } from '../store/state-store.js';

export type Reported = Pick<DeviceRecord, 'state' | 'stateAt' | 'battery' | 'lastSeen'>;

export class ReportedState {
  private readonly latest = new Map<string, Partial<Reported>>();

  constructor(private readonly store: StateStore) {}

  /** The record as last reported, newer than what state.json may hold yet. */
  merged(record: DeviceRecord): DeviceRecord {
    const latest = this.latest.get(record.id);
    return latest ? { ...record, ...latest } : record;
  }

  set(id: string, patch: Partial<Reported>): void {
    this.latest.set(id, { ...this.latest.get(id), ...patch });
    this.store.patchDeviceSoon(id, patch);
  }

  forget(id: string): void {
    this.latest.delete(id);
  }
}
