// Every registered device, live: fetched on open and on reconnect, then kept current by the
// device_*, availability, device_state and lock_state events. Home reads its locks and its
// cameras' names from it.
import { useCallback, useEffect } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched, type Fetched } from '../use-fetched.js';

export function useLiveDevices(session: HubSession): Fetched<DeviceView[]> {
  const fetchDevices = useCallback(
    () => session.api.listDevices({}).then((result) => result.devices),
    [session],
  );
  const fetched = useFetched(session, fetchDevices);
  const { setData } = fetched;
  useEffect(
    () => session.subscribe((event) => setData((list) => (list ? applyEvent(list, event) : list))),
    [session, setData],
  );
  return fetched;
}

export function applyEvent(list: DeviceView[], event: HubEvent): DeviceView[] {
  switch (event.type) {
    case 'device_joined':
    case 'device_pending':
    case 'device_rejected':
    case 'device_updated': {
      const device = (event as HubEvent<'device_joined'>).data.device;
      const index = list.findIndex((d) => d.id === device.id);
      if (index === -1) return [...list, device];
      const next = [...list];
      next[index] = device;
      return next;
    }
    case 'device_left':
      return list.filter((d) => d.id !== (event as HubEvent<'device_left'>).data.id);
    case 'availability': {
      const { id, availability } = (event as HubEvent<'availability'>).data;
      return patch(list, id, { availability, lastSeen: event.at });
    }
    case 'device_state':
    case 'lock_state': {
      const { id, state, battery } = (event as HubEvent<'device_state'>).data;
      return patch(list, id, { state, battery, stateAt: event.at, lastSeen: event.at });
    }
    default:
      return list;
  }
}

function patch(list: DeviceView[], id: string, changes: Partial<DeviceView>): DeviceView[] {
  return list.map((d) => (d.id === id ? { ...d, ...changes } : d));
}
