// Search and filters for the device list: pure functions, so a keystroke over 1,000 devices
// costs one pass over plain objects and nothing else.
import type { DeviceKind, DeviceView } from '../../../src-main/shared/devices.js';

export type KindFilter = 'all' | DeviceKind;
export type StateFilter = 'all' | 'pending' | 'approved' | 'rejected' | 'online' | 'offline';

export const kindFilters: KindFilter[] = ['all', 'lock', 'camera', 'sensor', 'other'];
export const stateFilters: StateFilter[] = [
  'all',
  'pending',
  'approved',
  'rejected',
  'online',
  'offline',
];

export interface DeviceFilter {
  text: string;
  kind: KindFilter;
  state: StateFilter;
}

export const noFilter: DeviceFilter = { text: '', kind: 'all', state: 'all' };

export function isFiltered(filter: DeviceFilter): boolean {
  return filter.text.trim() !== '' || filter.kind !== 'all' || filter.state !== 'all';
}

/** Devices whose name, id or address contains every word of the search, case-insensitively. */
export function filterDevices(devices: DeviceView[], filter: DeviceFilter): DeviceView[] {
  const words = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  return devices.filter((device) => {
    if (filter.kind !== 'all' && device.kind !== filter.kind) return false;
    if (!matchesState(device, filter.state)) return false;
    if (words.length === 0) return true;
    const haystack = `${device.name}\n${device.id}\n${device.address ?? ''}`.toLowerCase();
    return words.every((word) => haystack.includes(word));
  });
}

function matchesState(device: DeviceView, state: StateFilter): boolean {
  switch (state) {
    case 'all':
      return true;
    case 'online':
    case 'offline':
      return device.availability === state;
    default:
      return device.status === state;
  }
}
