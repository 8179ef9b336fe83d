// Stranger pictures: the gallery's JSON routes (contract 3.2). The routes that carry image bytes
// (`/strangers/:id/image`, `/get_pic`, the camera's raw-body POST) are plain HTTP routes outside
// this table, because every operation here is JSON in and out.
import { z } from 'zod';
import { DeviceIdParamSchema } from '../devices.js';
import { op } from '../operation-def.js';

/** Ids the hub makes: 24 lowercase hex digits (96 random bits). Nothing else is ever a path. */
export const STRANGER_ID_PATTERN = /^[0-9a-f]{24}$/;

/**
 * The key of a sighting another system made (`frigate:<event id>`): the system, a colon, and its
 * own id for the event.
 */
export const EXTERNAL_ID_PATTERN = /^[a-z]{1,16}:[A-Za-z0-9._-]{1,64}$/;

export const StrangerIdSchema = z
  .string()
  .regex(STRANGER_ID_PATTERN, 'a stranger id is 24 lowercase hex digits');

export const PictureMimeSchema = z.enum(['image/jpeg', 'image/png', 'image/webp']);

/** One sighting: one record, one picture (also the `stranger` event's data, contract 3.3). */
export const StrangerSchema = z.object({
  id: z.string(),
  camera: z.string(),
  /** ISO 8601: the latest time this camera sent this sighting. */
  at: z.string(),
  /** ISO 8601: when the sighting began (differs from `at` after duplicates or merges). */
  firstAt: z.string(),
  /** How many pictures this sighting stands for (1 unless duplicates or merges). */
  count: z.number().int(),
  size: z.number().int(),
  type: PictureMimeSchema,
  /** A signed link that works without a header until `linkExpiresAt`. Relative to the hub. */
  url: z.string(),
  linkExpiresAt: z.string(),
  /**
   * Only on a sighting another system keys by its own event (Frigate: `frigate:<event id>`): one
   * sighting per event, whose picture is replaced by a better one while the event lasts (the
   * `url` then changes too). Absent on a camera's own pictures.
   */
  externalId: z.string().optional(),
});

/**
 * A camera's answer to `POST /api/v1/strangers` (a raw picture, outside this table): 201 with
 * `new`, 200 with `duplicate` (the same picture again) or `merged` (into a sighting moments old).
 */
export const PictureUploadAnswerSchema = z.object({
  kind: z.enum(['new', 'duplicate', 'merged']),
  stranger: StrangerSchema,
});

/** `before`: an ISO 8601 time or milliseconds since 1970; only sightings strictly older. */
const BeforeSchema = z
  .string()
  .max(40)
  .transform((text, ctx) => {
    const ms = /^\d{1,15}$/.test(text) ? Number(text) : Date.parse(text);
    if (!Number.isFinite(ms)) {
      ctx.addIssue({ code: 'custom', message: 'before: an ISO 8601 time or milliseconds' });
      return z.NEVER;
    }
    return ms;
  });

const ById = z.object({ id: StrangerIdSchema });

export const strangerOperations = {
  listStrangers: op({
    summary:
      'Stranger sightings, newest first; `before` (a time) pages back, `camera` filters. Each `url` is a signed, short-lived image link.',
    scope: 'control',
    input: z.object({
      limit: z.coerce.number().int().min(1).max(500).default(50),
      before: BeforeSchema.optional(),
      camera: DeviceIdParamSchema.optional(),
    }),
    output: z.object({ strangers: z.array(StrangerSchema) }),
    http: { method: 'get', path: '/api/v1/strangers' },
  }),
  getStranger: op({
    summary: 'One stranger sighting, with a fresh signed image link.',
    scope: 'control',
    input: ById,
    output: StrangerSchema,
    http: { method: 'get', path: '/api/v1/strangers/:id' },
    errors: ['unknown_stranger'],
  }),
  deleteStranger: op({
    summary: 'Deletes a sighting and its picture.',
    scope: 'admin',
    input: ById,
    output: z.object({ id: z.string(), deleted: z.literal(true) }),
    http: { method: 'delete', path: '/api/v1/strangers/:id' },
    errors: ['unknown_stranger'],
  }),
} as const;

export type StrangerView = z.infer<typeof StrangerSchema>;
export type PictureMime = z.infer<typeof PictureMimeSchema>;
export type PictureUploadAnswer = z.infer<typeof PictureUploadAnswerSchema>;
