// The state in memory is frozen for its readers; only the device map is changed in place (see
// freezeState), so that a device's change costs the same with 10 devices or 10,000.
import type { DeviceRecord, HubState } from './state-schema.js';

/**
 * Freezes the state for its readers, all but the device map itself: each record is frozen and
 * replaced whole, never changed, but putDevice 'soon' and the device reports put records into
 * the map in place, so that a change costs the same with 10 devices or 10,000 (a copy of the
 * map per change made joining a thousand devices O(N²)). Readers only see it as Readonly.
 */
export function freezeState(state: HubState): HubState {
  for (const [key, value] of Object.entries(state)) {
    if (key !== 'devices') deepFreeze(value);
  }
  for (const record of Object.values(state.devices)) deepFreeze(record);
  return Object.isFrozen(state) ? state : Object.freeze(state);
}

export function setRecord(
  devices: HubState['devices'],
  id: string,
  record: DeviceRecord | null,
): void {
  if (record) devices[id] = record;
  else delete devices[id];
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
