// A stored device record as the world sees it: no secret, availability from the live table.
import type { DeviceView } from '../../shared/devices.js';
import type { DeviceRecord } from '../store/state-schema.js';

export function toDeviceView(record: DeviceRecord, online: boolean): DeviceView {
  return {
    id: record.id,
    name: record.name,
    kind: record.kind,
    status: record.status,
    availability: online ? 'online' : 'offline',
    state: record.state ? record.state.toLowerCase() : 'unknown',
    stateAt: record.stateAt,
    battery: record.battery,
    lastSeen: record.lastSeen,
    joinedAt: record.joinedAt,
    address: record.address,
    bridge: record.bridge && {
      source: record.bridge.source,
      integrationId: record.bridge.integrationId,
      model: record.bridge.model,
      removalRequested: record.bridge.removalRequested,
    },
  };
}

/**
 * Oldest first, then by id. ISO times of one format sort as plain strings; localeCompare (ICU)
 * is kept for the ids only, and was a large part of listing a thousand devices.
 */
export function byJoiningOrder(a: DeviceView, b: DeviceView): number {
  if (a.joinedAt !== b.joinedAt) return a.joinedAt < b.joinedAt ? -1 : 1;
  return a.id.localeCompare(b.id);
}
