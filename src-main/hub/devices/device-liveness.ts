// What approved devices say about themselves, as the registry keeps it: whether each is online
// (in memory only: a restart knows nothing until devices speak again) and the state it last
// reported (kept soon in state.json, see reported-state.ts), each change announced as events.
import type { MessageBus } from '../broker/bus.js';
import type { EventBus } from '../events.js';
import type { DeviceRecord } from '../store/state-schema.js';
import type { ReportedState } from './reported-state.js';
import { deviceTopic } from './topics.js';

export interface DeviceLivenessDeps {
  reported: ReportedState;
  events: EventBus;
  publish: MessageBus['publish'];
  /** The retained device list changed. */
  listChanged: () => void;
}

export class DeviceLiveness {
  private readonly online = new Set<string>();
  private readonly reportListeners = new Set<(id: string, state: string) => void>();

  constructor(private readonly deps: DeviceLivenessDeps) {}

  /** Every state report of an approved device, changed or not (a lock confirming a command). */
  onReport(listener: (id: string, state: string) => void): () => void {
    this.reportListeners.add(listener);
    return () => this.reportListeners.delete(listener);
  }

  isOnline(id: string): boolean {
    return this.online.has(id);
  }

  /** Its rights are gone: it is not online any more, and nothing is said about it. */
  forget(id: string): void {
    this.online.delete(id);
  }

  /**
   * A device waiting for approval is connected (it just asked to join) or went away: shown as
   * such, but nothing is published on its topics, which are not its own yet.
   */
  setWaiting(id: string, online: boolean): void {
    if (this.online.has(id) === online) return;
    if (online) this.online.add(id);
    else this.online.delete(id);
    this.deps.events.emit('availability', { id, availability: online ? 'online' : 'offline' });
    this.deps.listChanged();
  }

  setOnline(record: DeviceRecord, online: boolean): void {
    const { id } = record;
    if (this.online.has(id) === online) return;
    if (online) this.online.add(id);
    else this.online.delete(id);
    this.deps.reported.set(id, { lastSeen: new Date().toISOString() });
    if (!online && !record.bridge) {
      // The broker saw it go (a clean disconnect sends no will): say so on its retained topic
      // too, so that subscribers do not go on believing the last `online`.
      void this.deps
        .publish(deviceTopic(id, 'availability'), 'offline', { qos: 1, retain: true })
        .catch(() => {});
    }
    this.deps.events.emit('availability', { id, availability: online ? 'online' : 'offline' });
    this.deps.listChanged();
  }

  recordState(record: DeviceRecord, state: string, battery: number | null): void {
    const { id } = record;
    const now = new Date().toISOString();
    const nextBattery = battery ?? record.battery;
    if (record.state === state && record.battery === nextBattery) {
      this.deps.reported.set(id, { lastSeen: now });
    } else {
      this.deps.reported.set(id, { state, stateAt: now, battery: nextBattery, lastSeen: now });
      this.deps.events.emit('device_state', {
        id,
        state: state.toLowerCase(),
        battery: nextBattery,
      });
      if (record.kind === 'lock') {
        this.deps.events.emit('lock_state', {
          id,
          state: state.toLowerCase(),
          previous: record.state?.toLowerCase() ?? 'unknown',
          battery: nextBattery,
        });
      }
      this.deps.listChanged();
    }
    for (const listener of this.reportListeners) listener(id, state);
  }
}
