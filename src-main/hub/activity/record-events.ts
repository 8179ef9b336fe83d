// Writes the hub's events into the activity history in words a person reads.
import type { HubEvent } from '../../shared/events.js';
import type { EventBus } from '../events.js';
import type { ActivityInput, ActivityLog } from './activity-log.js';

export function recordEventsInActivity(events: EventBus, activity: ActivityLog): () => void {
  return events.onAny((event) => {
    const entry = describeEvent(event);
    if (entry) activity.record(entry);
  });
}

function describeEvent(event: HubEvent): ActivityInput | null {
  const data = event.data as Record<string, unknown>;
  const device = data.device as { id: string; name: string; address: string | null } | undefined;
  switch (event.type) {
    case 'device_pending':
      return {
        kind: event.type,
        message: `${device!.name} (${device!.id}) asks to join`,
        actor: device!.id,
        ...(device!.address ? { address: device!.address } : {}),
      };
    case 'device_joined':
      return {
        kind: event.type,
        message: `${device!.name} (${device!.id}) was approved`,
        actor: device!.id,
      };
    case 'device_rejected':
      return {
        kind: event.type,
        message: `${device!.name} (${device!.id}) was rejected`,
        actor: device!.id,
      };
    case 'device_updated':
      return {
        kind: event.type,
        message: `${device!.id} is now ${device!.name} (${(data.device as { kind: string }).kind})`,
        actor: device!.id,
      };
    case 'device_left':
      return {
        kind: event.type,
        message: `device ${String(data.id)} was removed`,
        actor: String(data.id),
      };
    case 'action_error':
      return {
        kind: event.type,
        message: String(data.message),
        actor: String(data.caller),
        data: { action: data.action, code: data.code },
      };
    case 'warning':
      return { kind: event.type, message: String(data.message), data: { code: data.code } };
    case 'permit_join':
      return {
        kind: event.type,
        message: data.open
          ? `joining is open for ${String(data.secondsLeft)} s`
          : 'joining is closed',
      };
    default:
      // availability and state reports are too frequent to be history; the registry keeps them.
      return null;
  }
}
