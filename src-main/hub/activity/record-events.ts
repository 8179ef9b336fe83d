// Writes the hub's events into the activity history: each as a code and its parameters (the
// panel words it), with the hub's English made from them.
import type { HubEvent } from '../../shared/events.js';
import type { EventBus } from '../events.js';
import { activityEntry } from './activity-entry.js';
import type { ActivityInput, ActivityLog } from './activity-log.js';

export function recordEventsInActivity(events: EventBus, activity: ActivityLog): () => void {
  return events.onAny((event) => {
    const entry = describeEvent(event);
    if (entry) activity.record(entry);
  });
}

function describeEvent(event: HubEvent): ActivityInput | null {
  switch (event.type) {
    case 'device_pending':
    case 'device_joined':
    case 'device_rejected': {
      const { device } = (event as HubEvent<typeof event.type>).data;
      // The device itself asks to join; who approved or rejected it the event does not say.
      const asking =
        event.type === 'device_pending'
          ? {
              by: { kind: 'device' as const, id: device.id, name: device.name },
              ...(device.address ? { address: device.address } : {}),
            }
          : {};
      return activityEntry(
        event.type,
        { name: device.name, id: device.id },
        { actor: device.id, ...asking },
      );
    }
    case 'device_updated': {
      const { device } = (event as HubEvent<'device_updated'>).data;
      return activityEntry(
        'device_updated',
        { name: device.name, id: device.id, deviceKind: device.kind },
        { actor: device.id },
      );
    }
    case 'device_left': {
      const { id, name } = (event as HubEvent<'device_left'>).data;
      return activityEntry('device_left', { id, name }, { actor: id });
    }
    case 'action_error': {
      const data = (event as HubEvent<'action_error'>).data;
      return {
        kind: 'action_error',
        code: data.problem,
        params: data.params,
        message: data.message,
        actor: data.caller,
        ...(data.by ? { by: data.by } : {}),
        data: { action: data.action, code: data.code },
      };
    }
    case 'warning': {
      const data = (event as HubEvent<'warning'>).data;
      return {
        kind: 'warning',
        code: data.code,
        params: data.params,
        message: data.message,
        data: { code: data.code },
      };
    }
    case 'permit_join': {
      const data = (event as HubEvent<'permit_join'>).data;
      return data.open
        ? activityEntry('permit_join_opened', { seconds: data.secondsLeft })
        : activityEntry('permit_join_closed', {});
    }
    default:
      // availability and state reports are too frequent to be history; the registry keeps them.
      return null;
  }
}
