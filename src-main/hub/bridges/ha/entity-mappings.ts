// The mappings of one discovered entity (issue 11): a lock's topics, payloads and state words,
// a camera's picture topic and encoding, the availability topics, each checked and put in the
// shape Hearth keeps (shared/bridge-mapping.ts), or one sentence naming the key that is wrong.
import {
  CameraMappingSchema,
  LockMappingSchema,
  type BridgeMapping,
  type CameraMapping,
  type LockMapping,
} from '../../../shared/bridge-mapping.js';
import type { JsonObject } from './abbreviations.js';
import type { CameraConfig, EntityConfig, ImageConfig, LockConfig } from './config-schemas.js';
import { compileValueTemplate } from './value-template.js';

export type Step<T> = { ok: true; value: T } | { ok: false; problem: string };

export function unsupportedLockOption(config: JsonObject): string | null {
  if (config.command_template !== undefined && config.command_template !== null) {
    return 'command_template is not supported: Hearth publishes payload_lock, payload_unlock and payload_open as they are';
  }
  if (config.code_format !== undefined && config.code_format !== null) {
    return 'code_format is set: locks that need a code are not supported';
  }
  return null;
}

const STATE_KEYS = [
  ['LOCKED', 'state_locked'],
  ['UNLOCKED', 'state_unlocked'],
  ['LOCKING', 'state_locking'],
  ['UNLOCKING', 'state_unlocking'],
  ['JAMMED', 'state_jammed'],
] as const;

export function lockMapping(c: LockConfig): Step<LockMapping> {
  if (c.command_topic === undefined || c.command_topic === null) {
    return { ok: false, problem: 'the lock lacks command_topic' };
  }
  const template = compileValueTemplate(c.value_template, 'value_template');
  if (!template.ok) return { ok: false, problem: template.problem };

  const states = {
    LOCKED: c.state_locked ?? 'LOCKED',
    UNLOCKED: c.state_unlocked ?? 'UNLOCKED',
    LOCKING: c.state_locking ?? 'LOCKING',
    UNLOCKING: c.state_unlocking ?? 'UNLOCKING',
    JAMMED: c.state_jammed ?? 'JAMMED',
  };
  // Hearth matches state words case-insensitively (contract 2.2): two equal words are ambiguous.
  const words = STATE_KEYS.map(([state, key]) => ({ key, word: states[state] }));
  for (const [index, a] of words.entries()) {
    const b = words
      .slice(index + 1)
      .find((other) => other.word.toLowerCase() === a.word.toLowerCase());
    if (b) {
      return {
        ok: false,
        problem: `${a.key} and ${b.key} are the same word ("${a.word}"): Hearth could not tell them apart`,
      };
    }
  }
  const payloadLock = c.payload_lock ?? 'LOCK';
  const payloadUnlock = c.payload_unlock ?? 'UNLOCK';
  // Home Assistant offers OPEN only when payload_open is set and not empty.
  const payloadOpen = c.payload_open ? c.payload_open : null;
  if (payloadLock === payloadUnlock) {
    return {
      ok: false,
      problem: `payload_lock and payload_unlock are the same ("${payloadLock}")`,
    };
  }
  if (payloadOpen !== null && (payloadOpen === payloadLock || payloadOpen === payloadUnlock)) {
    const other = payloadOpen === payloadLock ? 'payload_lock' : 'payload_unlock';
    return { ok: false, problem: `payload_open and ${other} are the same ("${payloadOpen}")` };
  }

  const mapping: LockMapping = {
    commandTopic: c.command_topic,
    stateTopic: c.state_topic ?? null,
    payloadLock,
    payloadUnlock,
    payloadOpen,
    states,
    valuePath: template.path,
    // A JSON state (Zigbee2MQTT's {"state":"LOCK","battery":87}) may carry the battery level.
    batteryPath: template.path === null ? null : ['battery'],
  };
  return checked(LockMappingSchema.safeParse(mapping), 'lock');
}

function encodingOf(value: string | null | undefined): Step<CameraMapping['encoding']> {
  if (value === undefined || value === null) return { ok: true, value: 'raw' };
  if (value === 'b64') return { ok: true, value: 'b64' };
  return { ok: false, problem: `image_encoding "${value}" is not supported: it is b64 or absent` };
}

export function imageMapping(c: ImageConfig): Step<CameraMapping> {
  const imageTopic = c.image_topic ?? null;
  const urlTopic = c.url_topic ?? null;
  if (imageTopic !== null && urlTopic !== null) {
    return {
      ok: false,
      problem: 'image_topic and url_topic are both set: Home Assistant takes one or the other',
    };
  }
  if (imageTopic === null && urlTopic === null) {
    return { ok: false, problem: 'the image lacks image_topic or url_topic' };
  }
  const encoding = encodingOf(c.image_encoding);
  if (!encoding.ok) return encoding;
  const mapping: CameraMapping =
    imageTopic !== null
      ? { imageTopic, encoding: encoding.value, urlTopic: null }
      : { imageTopic: null, encoding: 'raw', urlTopic };
  return checked(CameraMappingSchema.safeParse(mapping), 'image');
}

export function cameraMapping(c: CameraConfig): Step<CameraMapping> {
  if (c.topic === undefined || c.topic === null) {
    return { ok: false, problem: 'the camera lacks topic' };
  }
  const encoding = encodingOf(c.image_encoding);
  if (!encoding.ok) return encoding;
  const mapping: CameraMapping = { imageTopic: c.topic, encoding: encoding.value, urlTopic: null };
  return checked(CameraMappingSchema.safeParse(mapping), 'camera');
}

/** The mapping checked against the shared schema: the checks above should make this a formality. */
function checked<T>(
  result: { success: true; data: T } | { success: false },
  what: string,
): Step<T> {
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problem: `the ${what} config does not fit Hearth's bridge mapping` };
}

export function availabilityOf(c: EntityConfig): Step<BridgeMapping['availability']> {
  if (c.availability_topic != null && c.availability != null) {
    return {
      ok: false,
      problem:
        'availability and availability_topic are both set: Home Assistant takes one or the other',
    };
  }
  const topics: NonNullable<BridgeMapping['availability']>['topics'] = [];
  if (c.availability_topic != null) {
    const template = compileValueTemplate(c.availability_template, 'availability_template');
    if (!template.ok) return { ok: false, problem: template.problem };
    topics.push({
      topic: c.availability_topic,
      payloadAvailable: c.payload_available ?? 'online',
      payloadNotAvailable: c.payload_not_available ?? 'offline',
      valuePath: template.path,
    });
  }
  for (const [index, entry] of (c.availability ?? []).entries()) {
    if (entry.topic === undefined || entry.topic === null) {
      return { ok: false, problem: `availability[${index}] lacks topic` };
    }
    const key = `availability[${index}].value_template`;
    const template = compileValueTemplate(entry.value_template, key);
    if (!template.ok) return { ok: false, problem: template.problem };
    topics.push({
      topic: entry.topic,
      payloadAvailable: entry.payload_available ?? 'online',
      payloadNotAvailable: entry.payload_not_available ?? 'offline',
      valuePath: template.path,
    });
  }
  if (topics.length === 0) return { ok: true, value: null };
  return { ok: true, value: { topics, mode: c.availability_mode ?? 'latest' } };
}
