// How a discovered entity is named in Hearth: its device id (contract 2.2: 1-64 of
// A-Z a-z 0-9 - _ .), the name the owner sees, and the model line.
import { createHash } from 'node:crypto';

export const MAX_DEVICE_ID_LENGTH = 64;
const HASHED_PREFIX_LENGTH = 55;

/**
 * `ha.` + the parts joined with `.` (single config: [nodeId?, objectId]; device-based:
 * [nodeId?, deviceObjectId, componentKey]). Each character outside [A-Za-z0-9._-] becomes `_` (one
 * per code point). Longer than 64: the first 55 characters, `.`, and the first 8 hex digits of the
 * SHA-256 of the full id as written (before replacing characters), so two long ids that differ
 * only in a replaced character still differ. Deterministic.
 */
export function hearthDeviceId(parts: readonly string[]): string {
  const full = ['ha', ...parts].join('.');
  const id = full.replace(/[^A-Za-z0-9._-]/gu, '_');
  if (id.length <= MAX_DEVICE_ID_LENGTH) return id;
  const hash = createHash('sha256').update(full, 'utf8').digest('hex').slice(0, 8);
  return `${id.slice(0, HASHED_PREFIX_LENGTH)}.${hash}`;
}

/** Control characters and runs of whitespace become one space: names go into log lines. */
function oneLine(text: string | null | undefined): string {
  return Array.from(text ?? '', (char) => {
    const code = char.codePointAt(0) ?? 0;
    return code < 0x20 || code === 0x7f ? ' ' : char;
  })
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function clip(text: string, max: number): string {
  const points = Array.from(text);
  return points.length <= max ? text : points.slice(0, max).join('').trimEnd();
}

/**
 * The name Home Assistant would show (MQTT entities have has_entity_name): no entity name (absent,
 * null or empty, as Zigbee2MQTT, Nuki Hub and ESPHome send for a device's main feature) → the
 * device's name; an entity name on a named device → `<device> <entity>`, where an entity name that
 * already starts with the device name is not prefixed twice (Home Assistant strips it too); no
 * device name → the entity name. Nothing at all → `fallback` (the object id or component key).
 * Clipped to `max` characters.
 */
export function displayName(
  entityName: string | null | undefined,
  deviceName: string | null | undefined,
  fallback: string,
  max: number,
): string {
  const entity = oneLine(entityName);
  const device = oneLine(deviceName);
  let name: string;
  if (entity === '') {
    name = device === '' ? fallback : device;
  } else if (device === '') {
    name = entity;
  } else if (entity.toLowerCase() === device.toLowerCase()) {
    name = device;
  } else if (entity.toLowerCase().startsWith(`${device.toLowerCase()} `)) {
    name = `${device} ${entity.slice(device.length).trim()}`;
  } else {
    name = `${device} ${entity}`;
  }
  return clip(name, max);
}

/** `manufacturer model` (once when the model already names the manufacturer), or null. */
export function modelLine(
  manufacturer: string | null | undefined,
  model: string | null | undefined,
  max: number,
): string | null {
  const maker = oneLine(manufacturer);
  const product = oneLine(model);
  let line: string;
  if (maker === '') line = product;
  else if (product === '') line = maker;
  else if (
    product.toLowerCase() === maker.toLowerCase() ||
    product.toLowerCase().startsWith(`${maker.toLowerCase()} `)
  ) {
    line = product;
  } else line = `${maker} ${product}`;
  return line === '' ? null : clip(line, max);
}
