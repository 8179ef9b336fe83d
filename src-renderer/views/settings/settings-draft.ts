// The settings form's values: what each field shows for the hub's value, what it would send
// for what was typed, which fields differ from the hub (the unsaved changes) and the one PATCH
// body that sends them all. Pure, so the form's rules can be read and tested in one place.
import { fromStored, toStored, type Amount, type QuantityProblem } from './quantity.js';
import { fieldId, type FieldDef, type HubSettings, type SettingsPatch } from './settings-fields.js';

/** What a field holds while edited: text, a checkbox, or an amount with its unit. */
export type DraftValue = string | boolean | Amount;
export type Draft = Record<string, DraftValue>;

/** Why a typed value is not sent: not a whole number, or a size/duration problem. */
export type FieldProblem = 'integer' | QuantityProblem;

type Read = { ok: true; value: unknown } | { ok: false; problem: FieldProblem };

/** The hub's value of a field; a dotted key ("notify.stranger") reaches into a nested object. */
export function storedValue(def: FieldDef, settings: HubSettings): unknown {
  return def.key
    .split('.')
    .reduce<unknown>(
      (inner, part) => (inner as Record<string, unknown> | undefined)?.[part],
      settings[def.section],
    );
}

/** What the field shows for the hub's value. */
export function draftValue(def: FieldDef, value: unknown): DraftValue {
  switch (def.kind) {
    case 'boolean':
      return value === true;
    case 'lines':
      return (value as string[]).join('\n');
    case 'words':
      return (value as string[]).join(', ');
    case 'quantity':
      return fromStored(value as number, def.quantity!);
    default:
      return value === null || value === undefined ? '' : String(value);
  }
}

/** What the field would send for what it holds, or why it cannot. */
export function readValue(def: FieldDef, raw: DraftValue): Read {
  switch (def.kind) {
    case 'boolean':
      return { ok: true, value: raw === true };
    case 'lines':
      return { ok: true, value: listOf(String(raw), '\n') };
    case 'words':
      return { ok: true, value: listOf(String(raw), ',') };
    case 'text':
      return { ok: true, value: String(raw).trim() };
    case 'optional-text':
      return { ok: true, value: String(raw).trim() || null };
    case 'quantity': {
      const stored = toStored(raw as Amount, def.quantity!);
      return stored.ok ? stored : { ok: false, problem: stored.problem };
    }
    case 'integer': {
      const text = String(raw).trim();
      return /^-?\d+$/.test(text) && Number.isSafeInteger(Number(text))
        ? { ok: true, value: Number(text) }
        : { ok: false, problem: 'integer' };
    }
  }
}

/** The fields whose held value differs from the hub's (one that cannot be read counts too). */
export function changedFields(fields: FieldDef[], edits: Draft, settings: HubSettings): FieldDef[] {
  return fields.filter((def) => {
    const raw = edits[fieldId(def)];
    if (raw === undefined) return false;
    const read = readValue(def, raw);
    return !read.ok || !sameValue(read.value, storedValue(def, settings));
  });
}

export type PatchResult =
  { ok: true; patch: SettingsPatch } | { ok: false; problems: Record<string, FieldProblem> };

/** One PATCH body with every changed field, or the fields whose text cannot be sent. */
export function patchOf(changed: FieldDef[], edits: Draft): PatchResult {
  const patch: SettingsPatch = {};
  const problems: Record<string, FieldProblem> = {};
  for (const def of changed) {
    const read = readValue(def, edits[fieldId(def)]!);
    if (!read.ok) problems[fieldId(def)] = read.problem;
    else setPath((patch[def.section] ??= {}), def.key.split('.'), read.value);
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, patch };
}

/**
 * Splits the hub's 400 message ("history.retentionDays: Too big: …; …") into the fields it
 * names, so each part is shown beside its field. What names no field is left in `rest`.
 */
export function problemsByField(
  fields: FieldDef[],
  message: string,
): { byField: Record<string, string>; rest: string[] } {
  const byField: Record<string, string> = {};
  const rest: string[] = [];
  for (const part of message.split('; ')) {
    const def = fields.find((one) => {
      const id = fieldId(one);
      return part.startsWith(`${id}:`) || part.startsWith(`${id}.`);
    });
    if (def) byField[fieldId(def)] = part.slice(part.indexOf(':') + 1).trim();
    else rest.push(part);
  }
  return { byField, rest };
}

function listOf(text: string, separator: string): string[] {
  return text
    .split(separator)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

function sameValue(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** Sets `value` at a dotted path, making the objects on the way (the hub merges them). */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest, value);
}
