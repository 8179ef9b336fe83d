// What Frigate (the NVR) publishes on MQTT, read strictly enough to trust and loosely enough to
// follow its versions (https://docs.frigate.video/integrations/mqtt/). Pure: no MQTT here.
//
// `<prefix>/events`: JSON `{ type: new|update|end, before, after }` for each tracked object; only
// `after` (the object now) is used. `sub_label` is null, a string (older Frigate), or
// `[name, score]` (0.14 on; `[null, null]` once cleared).
// `<prefix>/<camera>/<label>/snapshot`: the JPEG of the best `<label>` on `<camera>` lately
// (retained). It names no event: Frigate keeps one per camera and label.
import { z } from 'zod';

/** Frigate's event JSON is a few kilobytes; anything this large is not one. */
export const MAX_EVENT_BYTES = 64 * 1024;

/** Frigate's ids: `<start time>-<random>`, e.g. `1607123955.475377-mxklsc`. */
const EVENT_ID = /^[A-Za-z0-9._-]{1,64}$/;

/**
 * A camera or label as a topic level: not empty, no topic separators, wildcards or control
 * characters. Frigate's own names are `[A-Za-z0-9_-]`; others are kept as they are and only the
 * device id is sanitized.
 */
// eslint-disable-next-line no-control-regex
const TOPIC_LEVEL = /^[^/+#\u0000-\u001f\u007f]{1,64}$/;

/**
 * Delivery companies' logos that Frigate+ models detect and put into `sub_label` as well: a
 * courier's uniform is not a face the household knows.
 */
export const FRIGATE_LOGOS: ReadonlySet<string> = new Set([
  'amazon',
  'an_post',
  'canada_post',
  'dhl',
  'dpd',
  'fedex',
  'gls',
  'nzpost',
  'postnl',
  'postnord',
  'purolator',
  'royal_mail',
  'ups',
  'usps',
]);

const SubLabelSchema = z
  .union([z.null(), z.string().max(256), z.array(z.unknown()).max(8)])
  .optional()
  .transform((value) => {
    const name = Array.isArray(value) ? value[0] : value;
    return typeof name === 'string' && name.trim() !== '' ? name.trim() : null;
  });

const TrackedObjectSchema = z.object({
  id: z.string().regex(EVENT_ID, 'id: Frigate event ids are 1-64 of A-Z a-z 0-9 . _ -'),
  camera: z.string().regex(TOPIC_LEVEL, 'camera: 1-64 characters, no / + #'),
  label: z.string().regex(TOPIC_LEVEL, 'label: 1-64 characters, no / + #'),
  /** The name Frigate gave the object (a recognised face, a plate, a logo), or null. */
  sub_label: SubLabelSchema,
  top_score: z.number().nullable().optional(),
  start_time: z.number().nullable().optional(),
  end_time: z.number().nullable().optional(),
  /** Frigate keeps a snapshot of it on disk (its `snapshots` config): one will be on MQTT too. */
  has_snapshot: z.boolean().optional().default(false),
  false_positive: z.boolean().optional().default(false),
});

const EventMessageSchema = z.object({
  type: z.enum(['new', 'update', 'end']),
  after: TrackedObjectSchema,
});

export interface FrigateEvent {
  type: 'new' | 'update' | 'end';
  id: string;
  camera: string;
  label: string;
  /** The name in `sub_label` (a face, a plate, a logo), or null. */
  subLabel: string | null;
  hasSnapshot: boolean;
  falsePositive: boolean;
  /** `end`, or an `end_time` set: Frigate sends nothing more about this object. */
  ended: boolean;
}

export type ParsedEvent = { ok: true; event: FrigateEvent } | { ok: false; problem: string };

export function parseFrigateEvent(payload: Buffer): ParsedEvent {
  if (payload.length > MAX_EVENT_BYTES) {
    return { ok: false, problem: `the message is over ${MAX_EVENT_BYTES} bytes` };
  }
  let json: unknown;
  try {
    json = JSON.parse(payload.toString('utf8'));
  } catch {
    return { ok: false, problem: 'the message is not JSON' };
  }
  const parsed = EventMessageSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue?.path.join('.') ?? '';
    return {
      ok: false,
      problem: `not a Frigate event (${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'})`,
    };
  }
  const { type, after } = parsed.data;
  return {
    ok: true,
    event: {
      type,
      id: after.id,
      camera: after.camera,
      label: after.label,
      subLabel: after.sub_label,
      hasSnapshot: after.has_snapshot,
      falsePositive: after.false_positive,
      ended: type === 'end' || (after.end_time !== null && after.end_time !== undefined),
    },
  };
}

/** Whether `subLabel` names someone (a recognised face), not a courier's logo. */
export function namesSomeone(subLabel: string | null): boolean {
  return subLabel !== null && !FRIGATE_LOGOS.has(subLabel.toLowerCase());
}

/** `<prefix>/<camera>/<label>/snapshot` split, or null for any other topic. */
export function parseSnapshotTopic(
  topic: string,
  prefix: string,
): { camera: string; label: string } | null {
  if (!topic.startsWith(`${prefix}/`) || !topic.endsWith('/snapshot')) return null;
  const levels = topic.slice(prefix.length + 1).split('/');
  if (levels.length !== 3) return null;
  const [camera = '', label = ''] = levels;
  if (!TOPIC_LEVEL.test(camera) || !TOPIC_LEVEL.test(label)) return null;
  return { camera, label };
}

/** The device id of a Frigate camera: `frigate.<camera>`, sanitized to a device id's characters. */
export function frigateDeviceId(camera: string): string {
  return `frigate.${camera.replace(/[^A-Za-z0-9._-]/g, '_')}`.slice(0, 64);
}

/** The key of a Frigate event's sighting in the stranger store. */
export function frigateSightingKey(eventId: string): string {
  return `frigate:${eventId}`;
}
