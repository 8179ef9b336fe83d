// Frigate's MQTT messages as Frigate 0.14-0.16 publishes them (docs.frigate.video/integrations/
// mqtt, frigate/track/object_processing.py): one tracked object whose `before` is what the last
// message said and `after` what it is now, plus a clock for the tracker's unit tests.
import type { TrackerClock } from '../../../src-main/hub/bridges/frigate/frigate-tracker.js';

export type SubLabel = null | string | [string | null, number | null];

export interface ObjectChanges {
  subLabel?: SubLabel;
  hasSnapshot?: boolean;
  falsePositive?: boolean;
  /** Seconds after the start. */
  endAfter?: number | null;
}

let serial = 0;

/** A tracked object on one camera; each message moves `before` on, as Frigate does. */
export class FrigateObject {
  readonly id: string;
  readonly start: number;
  private previous: Record<string, unknown>;

  constructor(
    readonly camera: string,
    readonly label = 'person',
  ) {
    this.start = 1_717_000_000 + serial++ * 7.25;
    this.id = `${this.start.toFixed(6)}-${(serial * 48_271).toString(36).padStart(6, 'x')}`;
    // What Frigate's TrackedObject says before it is a true positive.
    this.previous = this.state({ falsePositive: true, hasSnapshot: false });
  }

  /** The JSON Frigate publishes on `frigate/events`. */
  message(type: 'new' | 'update' | 'end', changes: ObjectChanges = {}): string {
    const after = this.state({
      ...changes,
      endAfter: type === 'end' ? (changes.endAfter ?? 12.5) : (changes.endAfter ?? null),
    });
    const text = JSON.stringify({ type, before: this.previous, after });
    this.previous = after;
    return text;
  }

  private state(changes: ObjectChanges): Record<string, unknown> {
    const frameTime = this.start + 1.5;
    const hasSnapshot = changes.hasSnapshot ?? false;
    return {
      id: this.id,
      camera: this.camera,
      frame_time: frameTime,
      snapshot: hasSnapshot
        ? {
            frame_time: frameTime,
            box: [415, 489, 528, 700],
            area: 12_728,
            region: [260, 446, 660, 846],
            score: 0.77546,
            attributes: [],
          }
        : null,
      label: this.label,
      sub_label: changes.subLabel ?? null,
      top_score: 0.958984375,
      false_positive: changes.falsePositive ?? false,
      start_time: this.start,
      end_time:
        changes.endAfter === null || changes.endAfter === undefined
          ? null
          : this.start + changes.endAfter,
      score: 0.87890625,
      box: [432, 496, 544, 854],
      area: 40_096,
      ratio: 1.251397,
      region: [218, 440, 693, 915],
      active: true,
      stationary: false,
      motionless_count: 0,
      position_changes: 2,
      current_zones: ['yard', 'driveway'],
      entered_zones: ['yard', 'driveway'],
      has_clip: true,
      has_snapshot: hasSnapshot,
      attributes: { face: 0.86 },
      current_attributes: [{ label: 'face', box: [442, 506, 534, 524], score: 0.86 }],
      pending_loitering: false,
      max_severity: 'alert',
      current_estimated_speed: 0,
      average_estimated_speed: 0,
      velocity_angle: 0,
      path_data: [
        [[0.4, 0.77], frameTime],
        [[0.42, 0.8], frameTime + 0.5],
      ],
      recognized_license_plate: null,
      thumbnail: null,
    };
  }
}

/** A clock the test moves by hand; timers fire in order as it passes them. */
export class ManualClock implements TrackerClock {
  private time = 1_000_000;
  private nextId = 1;
  private readonly timers = new Map<number, { at: number; callback: () => void }>();

  now(): number {
    return this.time;
  }

  setTimeout(callback: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.set(id, { at: this.time + ms, callback });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers.delete(handle as number);
  }

  get pending(): number {
    return this.timers.size;
  }

  advance(ms: number): void {
    const until = this.time + ms;
    for (;;) {
      const due = [...this.timers.entries()]
        .filter(([, timer]) => timer.at <= until)
        .sort((a, b) => a[1].at - b[1].at)[0];
      if (!due) break;
      this.timers.delete(due[0]);
      this.time = due[1].at;
      due[1].callback();
    }
    this.time = until;
  }
}
