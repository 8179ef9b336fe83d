// Pictures over MQTT (contract 2.2: `hearth/devices/<id>/stranger`, raw bytes, QoS 1). The
// broker's rules already let a device publish only under its own id; this checks again, so a
// picture is never filed under another camera's name whatever broker carried it. The broker's
// frame guard (`settings.broker.maxPacketBytes`) is what cuts an oversized publish off early.
import type { InboundMessage, MessageBus } from '../broker/bus.js';
import type { Logger } from '../log.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { StrangerService } from './stranger-service.js';

export const STRANGER_TOPIC_FILTER = 'hearth/devices/+/stranger';

export function listenForPictures(
  bus: MessageBus,
  strangers: Pick<StrangerService, 'intake'>,
  activity: Pick<ActivityLog, 'record'>,
  log: Logger,
): () => void {
  return bus.subscribe(STRANGER_TOPIC_FILTER, (message) => {
    const camera = senderOwnCamera(message);
    if (camera === null) {
      activity.record(
        activityEntry(
          'picture_not_its_own',
          { topic: message.topic },
          { actor: message.clientId ?? 'unknown', data: { via: 'mqtt', code: 'forbidden' } },
        ),
      );
      return;
    }
    strangers.intake(camera, message.payload, 'mqtt').catch((error: unknown) => {
      log.error('a stranger picture over MQTT failed', { error });
    });
  });
}

/** The topic's device id, if the sender is that approved device; otherwise null. */
function senderOwnCamera(message: InboundMessage): string | null {
  const match = /^hearth\/devices\/([^/]+)\/stranger$/.exec(message.topic);
  const principal = message.principal;
  if (!match || principal?.kind !== 'device' || principal.stage !== 'approved') return null;
  return principal.deviceId === match[1] ? principal.deviceId : null;
}
