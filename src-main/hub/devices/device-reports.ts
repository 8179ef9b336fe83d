// Listens to what devices say about themselves: availability (their retained topic and will,
// and the broker's own connect/disconnect) and state. Only a device's own messages count.
import type { InboundMessage, MessageBus } from '../broker/bus.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { DeviceRegistry } from './device-registry.js';
import { parseStateReport } from './state-report.js';

const LOCK_STATES = new Set(['LOCKED', 'UNLOCKED', 'LOCKING', 'UNLOCKING', 'JAMMED']);
import { parseDeviceTopic } from './topics.js';

export function listenToDeviceReports(
  bus: MessageBus,
  registry: DeviceRegistry,
  activity: Pick<ActivityLog, 'record'>,
): () => void {
  const fromItself = (message: InboundMessage): string | null => {
    const parsed = parseDeviceTopic(message.topic);
    const principal = message.principal;
    if (!parsed || principal?.kind !== 'device' || principal.deviceId !== parsed.id) return null;
    return parsed.id;
  };
  const stops = [
    bus.subscribe('hearth/devices/+/availability', (message) => {
      const id = fromItself(message);
      if (!id || message.payload.length === 0) return;
      const word = message.payload.toString('utf8').trim().toLowerCase();
      if (word === 'online' || word === 'offline') registry.setOnline(id, word === 'online');
    }),
    bus.subscribe('hearth/devices/+/state', (message) => {
      const id = fromItself(message);
      if (!id || message.payload.length === 0) return;
      const report = parseStateReport(message.payload);
      // A lock's state is one of five words (contract 2.2); anything else is not a lock state,
      // and the state shown must only ever be what the lock truly reported.
      const isLock = registry.find(id)?.kind === 'lock';
      if (!report || (isLock && !LOCK_STATES.has(report.state))) {
        activity.record(
          activityEntry(isLock ? 'lock_bad_state' : 'device_bad_state', { id }, { actor: id }),
        );
        return;
      }
      registry.recordState(id, report.state, report.battery);
    }),
  ];
  return () => stops.forEach((stop) => stop());
}
