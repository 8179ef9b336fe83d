// What bridged devices say, heard on their bridge's topics (issue 11): a lock's state in its own
// words (or a JSON field of its state) becomes Hearth's LOCKED/UNLOCKED/…, its availability
// topics make it online or offline, a camera's pictures (bytes, base64, or a URL to fetch) go
// to the stranger service. Only what the
// announcing integration account itself published counts (on an external broker, what the broker
// let through). The subscriptions follow the registry: approved bridged devices only.
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { InboundMessage, MessageBus } from '../broker/bus.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { DeviceRecord } from '../store/state-schema.js';
import type { StrangerService } from '../strangers/stranger-service.js';
import type { BridgeMapping, LockMapping } from '../../shared/bridge-mapping.js';
import { fetchPicture } from './fetch-picture.js';
import { readNumber, readValue } from './ha/value-template.js';

export interface BridgedReportsDeps {
  bus: MessageBus;
  registry: DeviceRegistry;
  events: EventBus;
  strangers: Pick<StrangerService, 'intake' | 'maxPictureBytes'>;
  activity: Pick<ActivityLog, 'record'>;
  external: boolean;
  log: Logger;
}

type Handler = (message: InboundMessage) => void;

/** What can change which devices are wired (not device_state: that is every report). */
const WIRING_EVENTS = new Set([
  'device_joined',
  'device_pending',
  'device_rejected',
  'device_updated',
  'device_left',
]);

const HEARTH_STATES = ['LOCKED', 'UNLOCKED', 'LOCKING', 'UNLOCKING', 'JAMMED'] as const;

export function startBridgedReports(deps: BridgedReportsDeps): () => void {
  /** topic -> (device id -> handler); one bus subscription per topic. */
  const byTopic = new Map<string, { handlers: Map<string, Handler>; stop: () => void }>();
  /** Last availability word per device and topic, for the `all` and `any` modes. */
  const availability = new Map<string, Map<string, boolean>>();
  let wiredFor = new Map<string, string>();

  const add = (topic: string, id: string, handler: Handler): void => {
    let entry = byTopic.get(topic);
    if (!entry) {
      const handlers = new Map<string, Handler>();
      const stop = deps.bus.subscribe(topic, (message) => {
        for (const each of [...handlers.values()]) each(message);
      });
      entry = { handlers, stop };
      byTopic.set(topic, entry);
    }
    entry.handlers.set(id, handler);
  };

  const removeDevice = (id: string): void => {
    for (const [topic, entry] of byTopic) {
      entry.handlers.delete(id);
      if (entry.handlers.size === 0) {
        entry.stop();
        byTopic.delete(topic);
      }
    }
    availability.delete(id);
  };

  const fromItsBridge = (message: InboundMessage, bridge: BridgeMapping): boolean => {
    const who = message.principal;
    if (deps.external) return who === null;
    if (who?.kind === 'integration') return who.integrationId === bridge.integrationId;
    return who?.kind === 'token' && who.scope === 'admin';
  };

  const wire = (record: DeviceRecord): void => {
    const bridge = record.bridge!;
    const id = record.id;
    const guarded =
      (handler: (message: InboundMessage) => void): Handler =>
      (message) => {
        if (fromItsBridge(message, bridge)) handler(message);
      };
    if (bridge.lock?.stateTopic) {
      const lock = bridge.lock;
      add(
        lock.stateTopic!,
        id,
        guarded((message) => onState(record, lock, message)),
      );
    }
    if (bridge.camera?.imageTopic) {
      const camera = bridge.camera;
      add(
        camera.imageTopic!,
        id,
        guarded((message) => onImage(id, camera.encoding, message)),
      );
    }
    if (bridge.camera?.urlTopic) {
      add(
        bridge.camera.urlTopic,
        id,
        guarded((message) => void onUrl(record, message)),
      );
    }
    for (const entry of bridge.availability?.topics ?? []) {
      add(
        entry.topic,
        id,
        guarded((message) => onAvailability(record, entry.topic, message)),
      );
    }
    // Without availability topics its bridge is taken to be there while Hearth hears it.
    if (!bridge.availability || bridge.availability.topics.length === 0) {
      deps.registry.setOnline(id, true);
    }
  };

  const onState = (record: DeviceRecord, lock: LockMapping, message: InboundMessage): void => {
    const value = readValue(message.payload, lock.valuePath);
    const word = value === null ? undefined : toHearthState(value, lock);
    if (!word) {
      deps.activity.record(
        activityEntry(
          'bridged_bad_state',
          { name: record.name, value: String(value).slice(0, 40) },
          { actor: record.id },
        ),
      );
      return;
    }
    const battery = lock.batteryPath ? readNumber(message.payload, lock.batteryPath) : null;
    const level = battery !== null && battery >= 0 && battery <= 100 ? Math.round(battery) : null;
    if (!record.bridge?.availability?.topics.length) deps.registry.setOnline(record.id, true);
    deps.registry.recordState(record.id, word, level);
  };

  const onAvailability = (record: DeviceRecord, topic: string, message: InboundMessage): void => {
    const settings = record.bridge!.availability!;
    const entry = settings.topics.find((each) => each.topic === topic)!;
    const value = readValue(message.payload, entry.valuePath);
    const up =
      value === entry.payloadAvailable ? true : value === entry.payloadNotAvailable ? false : null;
    if (up === null) return;
    const seen = availability.get(record.id) ?? new Map<string, boolean>();
    seen.set(topic, up);
    availability.set(record.id, seen);
    const online =
      settings.mode === 'latest'
        ? up
        : settings.mode === 'all'
          ? settings.topics.every((each) => seen.get(each.topic) === true)
          : [...seen.values()].some(Boolean);
    deps.registry.setOnline(record.id, online);
  };

  const onImage = (id: string, encoding: 'raw' | 'b64', message: InboundMessage): void => {
    const bytes =
      encoding === 'b64'
        ? Buffer.from(message.payload.toString('latin1').trim(), 'base64')
        : message.payload;
    deps.strangers.intake(id, bytes, 'mqtt').catch((error: unknown) => {
      deps.log.error('a bridged camera picture failed', { id, error });
    });
  };

  const onUrl = async (record: DeviceRecord, message: InboundMessage): Promise<void> => {
    const fetched = await fetchPicture(
      message.payload.toString('utf8').slice(0, 2048),
      deps.strangers.maxPictureBytes(),
    );
    if (!fetched.ok) {
      deps.activity.record(
        activityEntry(
          'picture_not_fetched',
          { name: record.name, detail: fetched.problem },
          { actor: record.id, data: { via: 'url', code: 'fetch_failed' } },
        ),
      );
      return;
    }
    onImage(record.id, 'raw', { ...message, payload: fetched.bytes });
  };

  /** Wires what changed: approved bridged devices in, everything else out. */
  const refresh = (): void => {
    const next = new Map<string, string>();
    for (const view of deps.registry.list()) {
      if (view.status !== 'approved' || !view.bridge) continue;
      const record = deps.registry.find(view.id);
      if (record?.bridge) next.set(view.id, JSON.stringify(record.bridge));
    }
    for (const [id, signature] of wiredFor) {
      if (next.get(id) !== signature) removeDevice(id);
    }
    for (const [id, signature] of next) {
      if (wiredFor.get(id) === signature) continue;
      const record = deps.registry.find(id);
      if (record) wire(record);
    }
    wiredFor = next;
  };

  refresh();
  const stopEvents = deps.events.onAny((event) => {
    if (WIRING_EVENTS.has(event.type)) refresh();
  });
  return () => {
    stopEvents();
    for (const id of [...wiredFor.keys()]) removeDevice(id);
    wiredFor.clear();
  };
}

/** The lock's own word for its state, as Hearth's; exact first, then regardless of case. */
function toHearthState(value: string, lock: LockMapping): string | undefined {
  const exact = HEARTH_STATES.find((state) => lock.states[state] === value);
  if (exact) return exact;
  const folded = value.toLowerCase();
  return HEARTH_STATES.find((state) => lock.states[state].toLowerCase() === folded);
}
