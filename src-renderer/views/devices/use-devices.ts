// The device registry, live: fetched on open and on reconnect, then kept current by the
// device_* and availability events. Pending devices come first, then by name.
import { useCallback, useEffect, useMemo } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export interface DevicesState {
  devices: DeviceView[] | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  /** Puts a device the API just returned in the list without waiting for its event. */
  upsert(device: DeviceView): void;
  drop(id: string): void;
}

export function useDevices(session: HubSession): DevicesState {
  const fetchDevices = useCallback(
    () => session.api.listDevices({}).then((result) => result.devices),
    [session],
  );
  const {
    data: devices,
    setData: setDevices,
    loading,
    error,
    reload,
  } = useFetched(session, fetchDevices);

  useEffect(
    () =>
      session.subscribe((event) => {
        setDevices((list) => (list ? applyEvent(list, event) : list));
      }),
    [session, setDevices],
  );

  // Stable callbacks and a memoised sort: the list's cards re-render only when a device changes.
  const sorted = useMemo(() => (devices ? sortDevices(devices) : null), [devices]);
  const upsert = useCallback(
    (device: DeviceView) => setDevices((list) => (list ? upsertDevice(list, device) : list)),
    [setDevices],
  );
  const drop = useCallback(
    (id: string) => setDevices((list) => (list ? list.filter((d) => d.id !== id) : list)),
    [setDevices],
  );
  return { devices: sorted, loading, error, reload, upsert, drop };
}

function applyEvent(list: DeviceView[], event: HubEvent): DeviceView[] {
  switch (event.type) {
    case 'device_joined':
    case 'device_pending':
    case 'device_rejected':
    case 'device_updated':
      return upsertDevice(list, (event as HubEvent<'device_joined'>).data.device);
    case 'device_left':
      return list.filter((d) => d.id !== (event as HubEvent<'device_left'>).data.id);
    case 'availability': {
      const { id, availability } = (event as HubEvent<'availability'>).data;
      return patch(list, id, { availability, lastSeen: event.at });
    }
    case 'device_state': {
      const { id, state, battery } = (event as HubEvent<'device_state'>).data;
      return patch(list, id, { state, battery, stateAt: event.at, lastSeen: event.at });
    }
    default:
      return list;
  }
}

function upsertDevice(list: DeviceView[], device: DeviceView): DeviceView[] {
  const index = list.findIndex((d) => d.id === device.id);
  if (index === -1) return [...list, device];
  const next = [...list];
  next[index] = device;
  return next;
}

function patch(list: DeviceView[], id: string, changes: Partial<DeviceView>): DeviceView[] {
  return list.map((d) => (d.id === id ? { ...d, ...changes } : d));
}

const STATUS_ORDER = { pending: 0, approved: 1, rejected: 2 } as const;

function sortDevices(list: DeviceView[]): DeviceView[] {
  return [...list].sort(
    (a, b) =>
      STATUS_ORDER[a.status] - STATUS_ORDER[b.status] ||
      a.name.localeCompare(b.name) ||
      a.id.localeCompare(b.id),
  );
}
