// The shape of an expanded Home Assistant discovery config, as far as Hearth reads it, checked
// with zod. Keys Hearth does not read are dropped, as Home Assistant's discovery schemas drop
// them. A value of the wrong type, too long, or a topic Hearth may not use is refused, and the
// first zod issue becomes one sentence naming the key (`availability[0].topic "a/+" is refused:
// a topic has no wildcards`). JSON null counts as absent.
import { z } from 'zod';
import { BridgeTopicSchema } from '../../../shared/bridge-mapping.js';
import { MAX_TEMPLATE_LENGTH } from './value-template.js';

/** Longest entity or device name kept (DeviceNameSchema's limit). */
export const MAX_NAME_LENGTH = 64;
/** Longest payload word (LockMappingSchema.payload*). */
export const MAX_PAYLOAD_LENGTH = 256;
/** Longest state word and availability payload (LockMappingSchema.states, AvailabilityTopicSchema). */
export const MAX_WORD_LENGTH = 64;
export const MAX_UNIQUE_ID_LENGTH = 256;
export const MAX_MODEL_PART_LENGTH = 128;
export const MAX_AVAILABILITY_TOPICS = 8;

const text = (max: number) => z.string().max(max).nullish();
const topic = BridgeTopicSchema.nullish();
const template = z.string().max(MAX_TEMPLATE_LENGTH).nullish();

const DeviceSchema = z.object({
  name: text(MAX_NAME_LENGTH),
  manufacturer: text(MAX_MODEL_PART_LENGTH),
  model: text(MAX_MODEL_PART_LENGTH),
});

const AvailabilityEntrySchema = z.object({
  topic,
  payload_available: text(MAX_WORD_LENGTH),
  payload_not_available: text(MAX_WORD_LENGTH),
  value_template: template,
});

/** What every entity Hearth takes (lock, image, camera) may carry. */
const EntitySchema = z.object({
  name: text(MAX_NAME_LENGTH),
  unique_id: text(MAX_UNIQUE_ID_LENGTH),
  device: DeviceSchema.nullish(),
  availability_topic: topic,
  availability_template: template,
  payload_available: text(MAX_WORD_LENGTH),
  payload_not_available: text(MAX_WORD_LENGTH),
  availability: z.array(AvailabilityEntrySchema).max(MAX_AVAILABILITY_TOPICS).nullish(),
  availability_mode: z.enum(['all', 'any', 'latest']).nullish(),
});

export const LockConfigSchema = EntitySchema.extend({
  command_topic: topic,
  state_topic: topic,
  payload_lock: text(MAX_PAYLOAD_LENGTH),
  payload_unlock: text(MAX_PAYLOAD_LENGTH),
  payload_open: text(MAX_PAYLOAD_LENGTH),
  state_locked: text(MAX_WORD_LENGTH),
  state_unlocked: text(MAX_WORD_LENGTH),
  state_locking: text(MAX_WORD_LENGTH),
  state_unlocking: text(MAX_WORD_LENGTH),
  state_jammed: text(MAX_WORD_LENGTH),
  value_template: template,
});

export const ImageConfigSchema = EntitySchema.extend({
  image_topic: topic,
  url_topic: topic,
  image_encoding: text(16),
});

export const CameraConfigSchema = EntitySchema.extend({
  topic,
  image_encoding: text(16),
});

export type EntityConfig = z.infer<typeof EntitySchema>;
export type LockConfig = z.infer<typeof LockConfigSchema>;
export type ImageConfig = z.infer<typeof ImageConfigSchema>;
export type CameraConfig = z.infer<typeof CameraConfigSchema>;

/** `availability[0].topic`, `device.name`, `command_topic`. */
export function keyLabel(path: ReadonlyArray<PropertyKey>): string {
  let label = '';
  for (const part of path) {
    if (typeof part === 'number') label += `[${part}]`;
    else label += label === '' ? String(part) : `.${String(part)}`;
  }
  return label === '' ? 'the config' : label;
}

function shown(value: unknown): string {
  const flat = String(value).replace(/\s+/g, ' ');
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'an object';
  return `a ${typeof value}`;
}

const EXPECTED: Record<string, string> = {
  string: 'a string',
  object: 'an object',
  array: 'a list',
  number: 'a number',
  boolean: 'true or false',
};

/** One zod issue as a sentence naming the key. Parse with `reportInput: true`. */
export function describeIssue(issue: z.core.$ZodIssue): string {
  const label = keyLabel(issue.path);
  const input = (issue as { input?: unknown }).input;
  switch (issue.code) {
    case 'invalid_type':
      return `${label} must be ${EXPECTED[issue.expected] ?? issue.expected}, not ${kindOf(input)}`;
    case 'too_big':
      return issue.origin === 'array'
        ? `${label} has more than ${String(issue.maximum)} entries`
        : `${label} is longer than ${String(issue.maximum)} characters`;
    case 'too_small':
      return `${label} is empty`;
    case 'invalid_value':
      return `${label} "${shown(input)}" must be one of ${issue.values.map(String).join(', ')}`;
    case 'custom':
      return `${label} "${shown(input)}" is refused: ${issue.message}`;
    default:
      return `${label} is not valid: ${issue.message}`;
  }
}

/** Parses with a schema, or gives the first problem as a sentence. */
export function parseShape<T>(
  schema: z.ZodType<T>,
  value: unknown,
): { ok: true; value: T } | { ok: false; problem: string } {
  const result = schema.safeParse(value, { reportInput: true });
  if (result.success) return { ok: true, value: result.data };
  const first = result.error.issues[0];
  return { ok: false, problem: first ? describeIssue(first) : 'the config is not valid' };
}
