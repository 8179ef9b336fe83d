// From a Home Assistant MQTT discovery config (topic + payload) to what Hearth can drive: lock
// and camera entities with their bridge mappings, or one sentence saying why not. Pure: no MQTT,
// no I/O, no clock. What Home Assistant does is followed where Hearth can (abbreviations, `~`,
// device-based `cmps` with shared options, defaults, availability); what Hearth cannot do safely
// (command templates, codes, Jinja beyond `{{ value_json.<key> }}`) is refused, never guessed.
import {
  type BridgeMapping,
  type CameraMapping,
  type LockMapping,
} from '../../../shared/bridge-mapping.js';
import {
  applyTopicBase,
  expandAbbreviations,
  isJsonObject,
  TOPIC_BASE,
  type JsonObject,
} from './abbreviations.js';
import {
  CameraConfigSchema,
  ImageConfigSchema,
  LockConfigSchema,
  MAX_NAME_LENGTH,
  parseShape,
  type EntityConfig,
} from './config-schemas.js';
import type { DiscoveryTopic } from './discovery-topic.js';
import { displayName, hearthDeviceId, modelLine } from './entity-identity.js';
import {
  availabilityOf,
  cameraMapping,
  imageMapping,
  lockMapping,
  unsupportedLockOption,
  type Step,
} from './entity-mappings.js';

/** A larger config is refused unread. */
export const MAX_CONFIG_BYTES = 16 * 1024;
const MAX_MODEL_LENGTH = 128;

export interface DiscoveredEntity {
  kind: 'lock' | 'camera';
  /** `ha.` + [nodeId.] + objectId; device-based: `ha.` + [nodeId.] + device object id + `.` + component key. */
  deviceId: string;
  /** 1-64 characters, named as Home Assistant would show it. */
  name: string;
  /** `manufacturer model` from the device block. */
  model: string | null;
  uniqueId: string | null;
  lock: LockMapping | null;
  camera: CameraMapping | null;
  availability: BridgeMapping['availability'];
}

export type DiscoveryOutcome =
  /** An empty payload (or Home Assistant's `{"migrate_discovery": true}`): the config was withdrawn. */
  | { kind: 'removed' }
  /** `ignored`: the components Hearth does not handle (sensor, binary_sensor…), by name, once each. */
  | { kind: 'entities'; entities: DiscoveredEntity[]; ignored: string[] }
  /** One sentence for the owner's activity log, naming the key at fault. */
  | { kind: 'refused'; problem: string };

type Handled = 'lock' | 'image' | 'camera';

const HANDLED: ReadonlySet<string> = new Set<Handled>(['lock', 'image', 'camera']);

/**
 * Options a device-based config may give once for all its components (Home Assistant's
 * SHARED_OPTIONS, with encoding and qos): a component inherits each it does not set itself.
 * `device` and `origin` always come from the top level; so does `~` unless the component has one.
 */
const SHARED_OPTIONS = [
  'availability',
  'availability_mode',
  'availability_template',
  'availability_topic',
  'command_topic',
  'encoding',
  'payload_available',
  'payload_not_available',
  'qos',
  'state_topic',
] as const;

const utf8 = new TextDecoder('utf-8', { fatal: true });

function refused(problem: string): DiscoveryOutcome {
  return { kind: 'refused', problem };
}

function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

function quotedKey(key: string): string {
  const flat = key.replace(/\s+/g, ' ');
  return `"${flat.length > 64 ? `${flat.slice(0, 63)}…` : flat}"`;
}

/** Parses one retained discovery config. `topic` comes from parseDiscoveryTopic. */
export function parseDiscoveryConfig(topic: DiscoveryTopic, payload: Buffer): DiscoveryOutcome {
  if (payload.length === 0) return { kind: 'removed' };
  if (payload.length > MAX_CONFIG_BYTES) {
    return refused(`the config is larger than 16 KiB (${payload.length} bytes)`);
  }
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return refused('the config is not UTF-8 text');
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return refused('the config is not JSON');
  }
  if (!isJsonObject(json)) return refused(`the config must be a JSON object, not ${kindOf(json)}`);

  const config = expandAbbreviations(json);
  const keys = Object.keys(config);
  if (keys.length === 1 && keys[0] === 'migrate_discovery' && config.migrate_discovery === true) {
    return { kind: 'removed' };
  }
  if (topic.deviceBased) return parseDeviceConfig(topic, config);

  if (!HANDLED.has(topic.component)) {
    return { kind: 'entities', entities: [], ignored: [topic.component] };
  }
  const based = withTopicBase(config, config[TOPIC_BASE]);
  if (!based.ok) return refused(based.problem);
  const ids = topic.nodeId === null ? [topic.objectId] : [topic.nodeId, topic.objectId];
  const entity = buildEntity(topic.component as Handled, based.value, ids, topic.objectId);
  if (!entity.ok) return refused(entity.problem);
  return { kind: 'entities', entities: [entity.value], ignored: [] };
}

/** `~` applied to a config's topics; `base` undefined or null: none. */
function withTopicBase(config: JsonObject, base: unknown): Step<JsonObject> {
  if (base === undefined || base === null) return { ok: true, value: config };
  if (typeof base !== 'string') {
    return { ok: false, problem: `${TOPIC_BASE} must be a string, not ${kindOf(base)}` };
  }
  return { ok: true, value: applyTopicBase(config, base) };
}

function parseDeviceConfig(topic: DiscoveryTopic, config: JsonObject): DiscoveryOutcome {
  const components = config.components;
  if (components === undefined || components === null) {
    return refused('the device config lacks components (cmps)');
  }
  if (!isJsonObject(components)) {
    return refused(`components must be an object, not ${kindOf(components)}`);
  }
  const entities: DiscoveredEntity[] = [];
  const ignored: string[] = [];
  const keyOfId = new Map<string, string>();
  for (const [key, component] of Object.entries(components)) {
    const where = `component ${quotedKey(key)}`;
    if (!isJsonObject(component))
      return refused(`${where} must be an object, not ${kindOf(component)}`);
    const platform = component.platform;
    if (typeof platform !== 'string' || platform === '')
      return refused(`${where} lacks platform (p)`);
    // Only `p` left: Home Assistant takes it as that component's removal.
    if (Object.keys(component).length === 1) continue;
    if (!HANDLED.has(platform)) {
      if (!ignored.includes(platform)) ignored.push(platform);
      continue;
    }
    const merged: JsonObject = { ...component };
    for (const option of SHARED_OPTIONS) {
      if (option in config && !(option in merged)) merged[option] = config[option];
    }
    const based = withTopicBase(
      merged,
      TOPIC_BASE in component ? component[TOPIC_BASE] : config[TOPIC_BASE],
    );
    if (!based.ok) return refused(`${where}: ${based.problem}`);
    const full: JsonObject = { ...based.value, device: config.device, origin: config.origin };
    const ids = [...(topic.nodeId === null ? [] : [topic.nodeId]), topic.objectId, key];
    const entity = buildEntity(platform as Handled, full, ids, key === '' ? topic.objectId : key);
    if (!entity.ok) return refused(`${where}: ${entity.problem}`);
    const other = keyOfId.get(entity.value.deviceId);
    if (other !== undefined) {
      return refused(
        `components ${quotedKey(other)} and ${quotedKey(key)} would both be Hearth device "${entity.value.deviceId}"`,
      );
    }
    keyOfId.set(entity.value.deviceId, key);
    entities.push(entity.value);
  }
  return { kind: 'entities', entities, ignored };
}

/** One lock, image or camera config (already expanded, `~` applied) as a Hearth entity. */
function buildEntity(
  platform: Handled,
  raw: JsonObject,
  ids: readonly string[],
  fallbackName: string,
): Step<DiscoveredEntity> {
  // Home Assistant takes one availability entry without a list (cv.ensure_list).
  const config = isJsonObject(raw.availability)
    ? { ...raw, availability: [raw.availability] }
    : raw;

  let lock: LockMapping | null = null;
  let camera: CameraMapping | null = null;
  let common: EntityConfig;
  if (platform === 'lock') {
    const unsupported = unsupportedLockOption(config);
    if (unsupported) return { ok: false, problem: unsupported };
    const shape = parseShape(LockConfigSchema, config);
    if (!shape.ok) return shape;
    const mapping = lockMapping(shape.value);
    if (!mapping.ok) return mapping;
    lock = mapping.value;
    common = shape.value;
  } else if (platform === 'image') {
    if (config.url_template !== undefined && config.url_template !== null) {
      return {
        ok: false,
        problem:
          'url_template is not supported: Hearth reads the whole url_topic payload as the URL',
      };
    }
    const shape = parseShape(ImageConfigSchema, config);
    if (!shape.ok) return shape;
    const mapping = imageMapping(shape.value);
    if (!mapping.ok) return mapping;
    camera = mapping.value;
    common = shape.value;
  } else {
    const shape = parseShape(CameraConfigSchema, config);
    if (!shape.ok) return shape;
    const mapping = cameraMapping(shape.value);
    if (!mapping.ok) return mapping;
    camera = mapping.value;
    common = shape.value;
  }

  const availability = availabilityOf(common);
  if (!availability.ok) return availability;
  return {
    ok: true,
    value: {
      kind: platform === 'lock' ? 'lock' : 'camera',
      deviceId: hearthDeviceId(ids),
      name: displayName(common.name, common.device?.name, fallbackName, MAX_NAME_LENGTH),
      model: modelLine(common.device?.manufacturer, common.device?.model, MAX_MODEL_LENGTH),
      uniqueId: common.unique_id ? common.unique_id : null,
      lock,
      camera,
      availability: availability.value,
    },
  };
}
