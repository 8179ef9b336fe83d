// Frigate (issue 11): the NVR's events become stranger sightings, one per Frigate event (see
// frigate-tracker.ts for how events and snapshots make one). Only an integration account may
// speak for Frigate on Hearth's own broker (the owner made it for Frigate: that is the consent
// for its cameras); on an external broker the broker decided who may publish there. Each camera
// Frigate reports on becomes an approved camera `frigate.<camera>` of that account the first time
// it is heard of; the owner stops one by rejecting it (removed, it comes back with its next event).
// Anything refused is said in the activity history, a few times a minute at most per cause.
import type { ActivityParams, CodesOfKind } from '../../../shared/messages/activity.js';
import { activityEntry } from '../../activity/activity-entry.js';
import type { ActivityInput, ActivityLog } from '../../activity/activity-log.js';
import type { InboundMessage, MessageBus } from '../../broker/bus.js';
import type { DeviceRegistry } from '../../devices/device-registry.js';
import type { Logger } from '../../log.js';
import type { Settings } from '../../store/state-schema.js';
import type { StrangerService } from '../../strangers/stranger-service.js';
import { sniffPicture } from '../../strangers/picture-format.js';
import type { BridgeMapping } from '../../../shared/bridge-mapping.js';
import { SenderBudget } from '../sender-budget.js';
import {
  frigateDeviceId,
  frigateSightingKey,
  parseFrigateEvent,
  parseSnapshotTopic,
} from './frigate-events.js';
import { FrigateTracker, type TrackerOptions } from './frigate-tracker.js';
import { LatestPerKey } from './latest-per-key.js';

export interface FrigateIntakeDeps {
  bus: MessageBus;
  registry: Pick<DeviceRegistry, 'find' | 'list' | 'addBridged' | 'updateBridged'>;
  strangers: Pick<StrangerService, 'putSighting' | 'removeSighting' | 'maxPictureBytes'>;
  settings: () => Settings['frigate'];
  onSettingsChange: (listener: () => void) => () => void;
  activity: Pick<ActivityLog, 'record'>;
  /** On an external broker, messages carry no sender: the broker's rules are the gate. */
  external: boolean;
  log: Logger;
  /** For tests: the tracker's clock and bounds. */
  tracker?: Pick<TrackerOptions, 'clock' | 'maxEvents' | 'snapshotWaitMs' | 'snapshotFreshMs'>;
}

/** More Frigate cameras than this and new ones are refused (a flood of made-up camera names). */
export const MAX_FRIGATE_CAMERAS = 128;
/** Notes of one cause (and sender or camera) per minute, at most. */
const NOTES_PER_MINUTE = 3;

type FrigateRefusal = CodesOfKind<'frigate_refused'>;
/** `code` is the entry's `data.code`, as before codes had parameters; `what` its activity code. */
type Refusal = {
  [C in FrigateRefusal]: { code: string; what: C; params: Omit<ActivityParams<C>, 'topic'> };
}[FrigateRefusal];

export function startFrigateIntake(deps: FrigateIntakeDeps): () => void {
  const notes = new SenderBudget({ perWindow: NOTES_PER_MINUTE, windowMs: 60_000 });
  const writer = new LatestPerKey(deps.log);
  let prefix = '';
  let unsubscribe: Array<() => void> = [];

  const note = (limitKey: string, entry: ActivityInput): void => {
    if (notes.take(limitKey)) deps.activity.record(entry);
  };

  const refuse = (message: InboundMessage, limitKey: string, refusal: Refusal): void => {
    const params = { topic: message.topic.slice(0, 200), ...refusal.params };
    note(
      `${refusal.code}:${limitKey}`,
      activityEntry(refusal.what, params as ActivityParams<typeof refusal.what>, {
        actor: message.clientId ?? 'broker',
        data: { code: refusal.code, topic: message.topic.slice(0, 512) },
      }),
    );
  };

  const tracker = new FrigateTracker({
    ...deps.tracker,
    policy: () => deps.settings(),
    show: (event, picture) => {
      const key = frigateSightingKey(event.id);
      writer.submit(key, async () => {
        // A refusal (camera rejected meanwhile, disk full…) is in the activity history already.
        await deps.strangers.putSighting(frigateDeviceId(event.camera), key, picture);
      });
    },
    forget: (event, reason) => {
      const key = frigateSightingKey(event.id);
      writer.submit(key, async () => {
        if (!(await deps.strangers.removeSighting(key))) return;
        deps.activity.record(
          activityEntry(
            reason === 'known_face' ? 'frigate_known_face' : 'frigate_false_positive',
            { event: event.id, camera: event.camera },
            { actor: frigateDeviceId(event.camera), data: { event: event.id, reason } },
          ),
        );
      });
    },
    noSnapshot: (event, waitedMs) => {
      note(
        `no_snapshot:${event.camera}`,
        activityEntry(
          'frigate_no_snapshot',
          {
            event: event.id,
            camera: event.camera,
            topic: `${prefix}/${event.camera}/${event.label}/snapshot`,
            seconds: Math.round(waitedMs / 1000),
          },
          { actor: frigateDeviceId(event.camera), data: { event: event.id } },
        ),
      );
    },
  });

  /** The approved camera `frigate.<camera>`, added the first time; a refusal otherwise. */
  const cameraFor = (camera: string, integrationId: string | null): Refusal | null => {
    const id = frigateDeviceId(camera);
    const record = deps.registry.find(id);
    if (!record) {
      const cameras = deps.registry.list().filter((device) => device.bridge?.source === 'frigate');
      if (cameras.length >= MAX_FRIGATE_CAMERAS) {
        return {
          code: 'too_many_cameras',
          what: 'frigate_too_many_cameras',
          params: { max: MAX_FRIGATE_CAMERAS },
        };
      }
      deps.registry.addBridged(id, 'camera', camera, frigateMapping(camera, integrationId), true);
      return null;
    }
    const bridge = record.bridge;
    if (bridge?.source !== 'frigate' || bridge.frigateCamera !== camera) {
      return { code: 'camera_clash', what: 'frigate_camera_clash', params: { id } };
    }
    if (record.status !== 'approved') {
      return {
        code: 'camera_not_approved',
        what: 'frigate_camera_not_approved',
        params: { id, status: record.status === 'rejected' ? 'rejected' : 'pending' },
      };
    }
    if (bridge.integrationId !== null && integrationId !== null) {
      if (bridge.integrationId !== integrationId) {
        return {
          code: 'other_integration',
          what: 'frigate_other_integration',
          params: { id, owner: bridge.integrationId },
        };
      }
    } else if (bridge.integrationId === null && integrationId !== null) {
      // Added while the hub used an external broker: the account reporting it now owns it.
      deps.registry.updateBridged(id, { ...bridge, integrationId });
    }
    return null;
  };

  const onEvent = (message: InboundMessage): void => {
    const sender = senderOf(message, deps.external);
    if (!sender) return refuse(message, message.clientId ?? 'broker', NOT_AN_INTEGRATION);
    const parsed = parseFrigateEvent(message.payload);
    if (!parsed.ok)
      return refuse(message, sender.key, {
        code: 'bad_event',
        what: 'frigate_bad_event',
        params: { detail: parsed.problem },
      });
    const { event } = parsed;
    const camera = cameraFor(event.camera, sender.integrationId);
    if (camera) return refuse(message, event.camera, camera);
    const outcome = tracker.event(event);
    if (outcome.kind === 'after_end') {
      refuse(message, event.camera, {
        code: 'after_end',
        what: 'frigate_after_end',
        params: { event: event.id },
      });
    }
  };

  const onSnapshot = (message: InboundMessage): void => {
    const sender = senderOf(message, deps.external);
    if (!sender) return refuse(message, message.clientId ?? 'broker', NOT_AN_INTEGRATION);
    const topic = parseSnapshotTopic(message.topic, prefix);
    // An empty payload clears the retained snapshot: nothing to keep.
    if (!topic || message.payload.length === 0) return;
    if (!deps.settings().labels.includes(topic.label)) return;
    const max = deps.strangers.maxPictureBytes();
    if (message.payload.length > max) {
      return refuse(message, topic.camera, {
        code: 'payload_too_large',
        what: 'frigate_snapshot_too_large',
        params: { limit: max },
      });
    }
    const sniffed = sniffPicture(message.payload);
    if (!sniffed.ok) {
      return refuse(message, topic.camera, {
        code: 'not_a_picture',
        what: 'frigate_not_a_picture',
        params: { detail: sniffed.reason },
      });
    }
    const known = deps.registry.find(frigateDeviceId(topic.camera));
    if (known && (known.bridge?.frigateCamera !== topic.camera || known.status !== 'approved')) {
      return; // Its events are refused (and said so); its pictures are not kept.
    }
    // A copy: the broker's buffer may be a view into a much larger one.
    tracker.snapshot(topic.camera, topic.label, Buffer.from(message.payload));
  };

  const listen = (): void => {
    const wanted = deps.settings().topicPrefix;
    if (wanted === prefix) return;
    unsubscribe.forEach((stop) => stop());
    prefix = wanted;
    unsubscribe = [
      deps.bus.subscribe(`${prefix}/events`, guarded(onEvent, deps.log)),
      deps.bus.subscribe(`${prefix}/+/+/snapshot`, guarded(onSnapshot, deps.log)),
    ];
  };

  listen();
  const stopSettings = deps.onSettingsChange(listen);
  return () => {
    stopSettings();
    unsubscribe.forEach((stop) => stop());
    unsubscribe = [];
    tracker.stop();
    writer.stop();
  };
}

const NOT_AN_INTEGRATION: Refusal = {
  code: 'forbidden',
  what: 'frigate_not_an_integration',
  params: {},
};

/** Who may speak for Frigate: an integration account, or anyone an external broker let through. */
function senderOf(
  message: InboundMessage,
  external: boolean,
): { key: string; integrationId: string | null } | null {
  const who = message.principal;
  if (who?.kind === 'integration') {
    return { key: `i:${who.integrationId}`, integrationId: who.integrationId };
  }
  if (who === null && external) return { key: 'external', integrationId: null };
  return null;
}

function frigateMapping(camera: string, integrationId: string | null): BridgeMapping {
  return {
    source: 'frigate',
    integrationId,
    configTopic: null,
    model: 'Frigate',
    availability: null,
    lock: null,
    camera: null,
    frigateCamera: camera,
    removalRequested: false,
  };
}

function guarded(
  handler: (message: InboundMessage) => void,
  log: Logger,
): (message: InboundMessage) => void {
  return (message) => {
    try {
      handler(message);
    } catch (error) {
      log.error('a Frigate message could not be handled', { topic: message.topic, error });
    }
  };
}
