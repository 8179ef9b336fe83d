// Frigate (issue 11): the NVR's events become stranger sightings, one per Frigate event (see
// frigate-tracker.ts for how events and snapshots make one). Only an integration account may
// speak for Frigate on Hearth's own broker (the owner made it for Frigate: that is the consent
// for its cameras); on an external broker the broker decided who may publish there. Each camera
// Frigate reports on becomes an approved camera `frigate.<camera>` of that account the first time
// it is heard of; the owner stops one by rejecting it (removed, it comes back with its next event).
// Anything refused is said in the activity history, a few times a minute at most per cause.
import type { ActivityLog } from '../../activity/activity-log.js';
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

type Refusal = { code: string; problem: string };

export function startFrigateIntake(deps: FrigateIntakeDeps): () => void {
  const notes = new SenderBudget({ perWindow: NOTES_PER_MINUTE, windowMs: 60_000 });
  const writer = new LatestPerKey(deps.log);
  let prefix = '';
  let unsubscribe: Array<() => void> = [];

  const note = (
    limitKey: string,
    entry: { kind: string; message: string; actor: string; data?: Record<string, unknown> },
  ): void => {
    if (notes.take(limitKey)) deps.activity.record(entry);
  };

  const refuse = (message: InboundMessage, limitKey: string, refusal: Refusal): void => {
    const actor = message.clientId ?? 'broker';
    note(`${refusal.code}:${limitKey}`, {
      kind: 'frigate_refused',
      message: `Frigate message on ${message.topic.slice(0, 200)} refused: ${refusal.problem}`,
      actor,
      data: { code: refusal.code, topic: message.topic.slice(0, 512) },
    });
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
        const why =
          reason === 'known_face'
            ? 'Frigate recognised a known face'
            : 'Frigate found it was a false positive';
        deps.activity.record({
          kind: 'frigate_not_a_stranger',
          message: `${why} in event ${event.id} on ${event.camera}: its stranger sighting was deleted`,
          actor: frigateDeviceId(event.camera),
          data: { event: event.id, reason },
        });
      });
    },
    noSnapshot: (event, waitedMs) => {
      note(`no_snapshot:${event.camera}`, {
        kind: 'frigate_no_snapshot',
        message: `Frigate said event ${event.id} on ${event.camera} has a snapshot, but none came on ${prefix}/${event.camera}/${event.label}/snapshot within ${Math.round(waitedMs / 1000)} s: are MQTT snapshots on for this camera in Frigate (cameras → ${event.camera} → mqtt)?`,
        actor: frigateDeviceId(event.camera),
        data: { event: event.id },
      });
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
          problem: `Hearth already holds ${MAX_FRIGATE_CAMERAS} Frigate cameras; remove some first`,
        };
      }
      deps.registry.addBridged(id, 'camera', camera, frigateMapping(camera, integrationId), true);
      return null;
    }
    const bridge = record.bridge;
    if (bridge?.source !== 'frigate' || bridge.frigateCamera !== camera) {
      return { code: 'camera_clash', problem: `${id} is already another device` };
    }
    if (record.status !== 'approved') {
      return {
        code: 'camera_not_approved',
        problem: `the owner ${record.status === 'rejected' ? 'rejected' : 'has not approved'} ${id}`,
      };
    }
    if (bridge.integrationId !== null && integrationId !== null) {
      if (bridge.integrationId !== integrationId) {
        return {
          code: 'other_integration',
          problem: `${id} belongs to integration ${bridge.integrationId}; remove the device to let this one report it`,
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
      return refuse(message, sender.key, { code: 'bad_event', problem: parsed.problem });
    const { event } = parsed;
    const camera = cameraFor(event.camera, sender.integrationId);
    if (camera) return refuse(message, event.camera, camera);
    const outcome = tracker.event(event);
    if (outcome.kind === 'after_end') {
      refuse(message, event.camera, {
        code: 'after_end',
        problem: `event ${event.id} has ended; later messages about it are ignored`,
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
        problem: `the snapshot is over ${max} bytes (strangers.maxPictureBytes)`,
      });
    }
    const sniffed = sniffPicture(message.payload);
    if (!sniffed.ok) {
      return refuse(message, topic.camera, { code: 'not_a_picture', problem: sniffed.reason });
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
  problem: 'only an integration account made for Frigate may publish its events and snapshots',
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

/**
 * Writes to the stranger store one at a time per sighting, the latest wish winning: a picture
 * replaced five times while the first write is still on disk is written twice, not six times,
 * and a deletion after a picture is never overtaken by it. Memory follows the events in flight.
 */
type Slot = { next: (() => Promise<void>) | null };

class LatestPerKey {
  private readonly slots = new Map<string, Slot>();
  private stopped = false;

  constructor(private readonly log: Logger) {}

  submit(key: string, work: () => Promise<void>): void {
    if (this.stopped) return;
    const slot = this.slots.get(key);
    if (slot) {
      slot.next = work;
      return;
    }
    const fresh: Slot = { next: work };
    this.slots.set(key, fresh);
    void this.drain(key, fresh);
  }

  stop(): void {
    this.stopped = true;
    for (const slot of this.slots.values()) slot.next = null;
  }

  private async drain(key: string, slot: Slot): Promise<void> {
    while (slot.next && !this.stopped) {
      const work = slot.next;
      slot.next = null;
      try {
        await work();
      } catch (error) {
        this.log.error('a Frigate sighting could not be stored', { key, error });
      }
    }
    this.slots.delete(key);
  }
}
