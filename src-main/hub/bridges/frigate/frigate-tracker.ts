// Frigate's events and snapshots, put together into one stranger sighting per event. Pure: the
// clock, the policy (settings) and what to do (show a picture, forget a sighting, note something)
// are given; nothing here touches MQTT or the disk.
//
// How it decides:
// - An event is a stranger while its label is counted (`frigate.labels`), Frigate does not call
//   it a false positive, and (with `knownFacesAreNotStrangers`) its sub_label names nobody.
//   A recognised face or a false positive is final for that event: its sighting, if one was
//   stored, is forgotten (Frigate names a face a moment after it first sees the person).
// - Frigate's MQTT snapshot is per camera and label (the best one lately), not per event. A
//   stranger event's sighting shows the latest snapshot of its camera and label: made when the
//   first one is at hand (one that arrived during the event, or at most `snapshotFreshMs` before
//   Hearth first heard of it, out of order), replaced by each newer one until the event ends.
//   `has_snapshot` is not required: it says whether Frigate keeps one on disk, a different
//   setting from the MQTT snapshot. With `has_snapshot` and no snapshot yet, the event waits
//   `snapshotWaitMs` for one and then says none came (the camera's MQTT snapshots are off?).
// - `end` closes the event: later messages for it are refused; a snapshot it was waiting for is
//   still taken until the wait is over. An `update` or `end` before any `new` (Hearth started
//   mid-event, or the message was lost) starts tracking it there.
// - Memory is bounded: at most `maxEvents` events (the least recently heard of is dropped) and
//   `maxSnapshots` snapshots holding `maxSnapshotBytes` at most (counted labels only, the oldest
//   dropped; each one is at most the strangers' maxPictureBytes, checked before it gets here).
import type { FrigateEvent } from './frigate-events.js';
import { namesSomeone } from './frigate-events.js';

export interface TrackerClock {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export const SYSTEM_CLOCK: TrackerClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms);
    timer.unref();
    return timer;
  },
  clearTimeout: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

export interface TrackerPolicy {
  labels: readonly string[];
  knownFacesAreNotStrangers: boolean;
}

/** The event a sighting belongs to. */
export interface EventRef {
  id: string;
  camera: string;
  label: string;
}

export type ForgetReason = 'known_face' | 'false_positive';

export interface TrackerOptions {
  policy: () => TrackerPolicy;
  /** Store this picture as the event's sighting (made the first time, replaced afterwards). */
  show: (event: EventRef, picture: Buffer) => void;
  /** The event is not a stranger after all: delete its sighting if one was stored. */
  forget: (event: EventRef, reason: ForgetReason) => void;
  /** Frigate said the event has a snapshot, and none arrived in time. */
  noSnapshot: (event: EventRef, waitedMs: number) => void;
  clock?: TrackerClock;
  maxEvents?: number;
  maxSnapshots?: number;
  maxSnapshotBytes?: number;
  snapshotWaitMs?: number;
  snapshotFreshMs?: number;
}

export type Verdict = 'stranger' | 'not_counted' | 'known' | 'false_positive';

/** What became of one event message. */
export type EventOutcome =
  { kind: 'after_end' } | { kind: 'tracked'; verdict: Verdict; shown: boolean; waiting: boolean };

interface Tracked {
  ref: EventRef;
  firstHeard: number;
  verdict: Verdict;
  ended: boolean;
  /** The snapshot (by sequence number) its sighting shows; null: none yet. */
  shown: number | null;
  /** The timer of the wait for a snapshot Frigate said it has. */
  wait: unknown;
}

interface Snapshot {
  bytes: Buffer;
  seq: number;
  at: number;
}

export const DEFAULT_MAX_EVENTS = 1000;
export const DEFAULT_MAX_SNAPSHOTS = 64;
export const DEFAULT_MAX_SNAPSHOT_BYTES = 64 * 1024 * 1024;
export const DEFAULT_SNAPSHOT_WAIT_MS = 10_000;

export class FrigateTracker {
  /** By event id, least recently heard of first (a Map keeps insertion order). */
  private readonly events = new Map<string, Tracked>();
  /** By `camera/label`, oldest first. */
  private readonly snapshots = new Map<string, Snapshot>();
  private seq = 0;
  private readonly clock: TrackerClock;
  private readonly maxEvents: number;
  private readonly maxSnapshots: number;
  private readonly maxSnapshotBytes: number;
  private snapshotTotal = 0;
  private readonly waitMs: number;
  private readonly freshMs: number;

  constructor(private readonly options: TrackerOptions) {
    this.clock = options.clock ?? SYSTEM_CLOCK;
    this.maxEvents = options.maxEvents ?? DEFAULT_MAX_EVENTS;
    this.maxSnapshots = options.maxSnapshots ?? DEFAULT_MAX_SNAPSHOTS;
    this.maxSnapshotBytes = options.maxSnapshotBytes ?? DEFAULT_MAX_SNAPSHOT_BYTES;
    this.waitMs = options.snapshotWaitMs ?? DEFAULT_SNAPSHOT_WAIT_MS;
    this.freshMs = options.snapshotFreshMs ?? this.waitMs;
  }

  /** Events tracked now (open and recently ended). */
  get eventCount(): number {
    return this.events.size;
  }

  /** Snapshot bytes held in memory. */
  get snapshotBytes(): number {
    return this.snapshotTotal;
  }

  /** Snapshots held in memory. */
  get snapshotCount(): number {
    return this.snapshots.size;
  }

  event(message: FrigateEvent): EventOutcome {
    let tracked = this.events.get(message.id);
    if (tracked?.ended) return { kind: 'after_end' };
    const now = this.clock.now();
    if (tracked) {
      this.events.delete(message.id);
    } else {
      tracked = {
        ref: { id: message.id, camera: message.camera, label: message.label },
        firstHeard: now,
        verdict: 'not_counted',
        ended: false,
        shown: null,
        wait: null,
      };
    }
    // Heard of just now: last to be dropped.
    this.events.set(message.id, tracked);
    this.dropOldEvents();

    const before = tracked.verdict;
    tracked.verdict = this.judge(tracked, message);
    if (
      tracked.verdict !== before &&
      (tracked.verdict === 'known' || tracked.verdict === 'false_positive')
    ) {
      this.stopWaiting(tracked);
      this.options.forget(
        tracked.ref,
        tracked.verdict === 'known' ? 'known_face' : 'false_positive',
      );
    }
    if (tracked.verdict === 'stranger') {
      const snapshot = this.snapshots.get(snapshotKey(tracked.ref.camera, tracked.ref.label));
      const usable = snapshot !== undefined && snapshot.at >= tracked.firstHeard - this.freshMs;
      if (usable && snapshot.seq !== tracked.shown) {
        this.show(tracked, snapshot);
      } else if (!usable && tracked.shown === null && message.hasSnapshot) {
        this.startWaiting(tracked);
      }
    }
    if (message.ended) tracked.ended = true;
    return {
      kind: 'tracked',
      verdict: tracked.verdict,
      shown: tracked.shown !== null,
      waiting: tracked.wait !== null,
    };
  }

  /**
   * The latest snapshot of `label` on `camera`: kept for events to come, and shown at once by the
   * open stranger events of that camera and label (and an ended one still waiting for it).
   * Returns how many events took it; a label that is not counted is not kept.
   */
  snapshot(camera: string, label: string, bytes: Buffer): number {
    if (!this.options.policy().labels.includes(label)) return 0;
    const key = snapshotKey(camera, label);
    const snapshot: Snapshot = { bytes, seq: ++this.seq, at: this.clock.now() };
    this.dropSnapshot(key);
    this.snapshots.set(key, snapshot);
    this.snapshotTotal += bytes.length;
    // The one just kept stays, whatever its size (it is within maxPictureBytes).
    while (
      this.snapshots.size > 1 &&
      (this.snapshots.size > this.maxSnapshots || this.snapshotTotal > this.maxSnapshotBytes)
    ) {
      this.dropSnapshot(this.snapshots.keys().next().value!);
    }
    let taken = 0;
    for (const tracked of this.events.values()) {
      const { ref } = tracked;
      if (ref.camera !== camera || ref.label !== label || tracked.verdict !== 'stranger') continue;
      if (tracked.ended && tracked.wait === null) continue;
      this.show(tracked, snapshot);
      taken++;
    }
    return taken;
  }

  /** Forgets everything and stops every wait. */
  stop(): void {
    for (const tracked of this.events.values()) this.stopWaiting(tracked);
    this.events.clear();
    this.snapshots.clear();
    this.snapshotTotal = 0;
  }

  private judge(tracked: Tracked, message: FrigateEvent): Verdict {
    // Final for the event: a recognised face stays recognised, a false positive stays one.
    if (tracked.verdict === 'known' || tracked.verdict === 'false_positive') return tracked.verdict;
    const policy = this.options.policy();
    if (!policy.labels.includes(tracked.ref.label)) return 'not_counted';
    if (message.falsePositive) return 'false_positive';
    if (policy.knownFacesAreNotStrangers && namesSomeone(message.subLabel)) return 'known';
    return 'stranger';
  }

  private show(tracked: Tracked, snapshot: Snapshot): void {
    this.stopWaiting(tracked);
    tracked.shown = snapshot.seq;
    this.options.show(tracked.ref, snapshot.bytes);
  }

  private startWaiting(tracked: Tracked): void {
    if (tracked.wait !== null) return;
    tracked.wait = this.clock.setTimeout(() => {
      tracked.wait = null;
      this.options.noSnapshot(tracked.ref, this.waitMs);
    }, this.waitMs);
  }

  private stopWaiting(tracked: Tracked): void {
    if (tracked.wait === null) return;
    this.clock.clearTimeout(tracked.wait);
    tracked.wait = null;
  }

  private dropSnapshot(key: string): void {
    const snapshot = this.snapshots.get(key);
    if (!snapshot) return;
    this.snapshots.delete(key);
    this.snapshotTotal -= snapshot.bytes.length;
  }

  private dropOldEvents(): void {
    while (this.events.size > this.maxEvents) {
      const [id, oldest] = this.events.entries().next().value!;
      this.stopWaiting(oldest);
      this.events.delete(id);
    }
  }
}

const snapshotKey = (camera: string, label: string): string => `${camera}/${label}`;
