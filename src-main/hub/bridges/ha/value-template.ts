// The few Home Assistant value templates Hearth understands, compiled to a ValuePath when the
// config arrives, and the readers that apply a path to a payload. Hearth runs no Jinja: anything
// outside this grammar is refused with a sentence saying so, never guessed.
//
// Grammar (whitespace allowed between tokens, Jinja's `{{-`/`-}}` trimming marks allowed):
//   template := "" | "{{" expr "}}"
//   expr     := "value"                                  -> null (the payload itself)
//             | "value_json" accessor{1,8}               -> the keys, in order
//   accessor := "." identifier | "[" ('…' | "…") "]"     (a key of 1-64 characters)
// Not supported, on purpose: filters (`| upper`, `| string`, `| default(…)`, `| float`), tests,
// `{% … %}` blocks, arithmetic, comparisons, list indexes (`value_json[0]`), escapes inside quoted
// keys, text outside the braces, and dotted names that Jinja resolves to a dict method before
// the key (`value_json.values`, `.items`, `.keys`, `.get`…: write `value_json['values']`).
// `| string` is refused as well: it changes nothing Hearth reads (readValue already gives text)
// and no firmware we checked (ESPHome, Zigbee2MQTT, Nuki) sends it.
import type { ValuePath } from '../../../shared/bridge-mapping.js';
import { isJsonObject } from './abbreviations.js';

export type CompiledTemplate = { ok: true; path: ValuePath } | { ok: false; problem: string };

/** The longest template Hearth looks at; a longer one is refused. */
export const MAX_TEMPLATE_LENGTH = 256;
/** A payload larger than this is not read (readValue and readNumber give null). */
export const MAX_VALUE_BYTES = 64 * 1024;

const MAX_PATH_KEYS = 8;
const MAX_KEY_LENGTH = 64;
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*/;
/** Jinja's `a.b` tries getattr before the item: on a dict these names give a method. */
const DICT_ATTRIBUTES = new Set([
  'clear',
  'copy',
  'fromkeys',
  'get',
  'items',
  'keys',
  'pop',
  'popitem',
  'setdefault',
  'update',
  'values',
]);

function excerpt(template: string): string {
  const flat = template.replace(/\s+/g, ' ').trim();
  return flat.length > 80 ? `${flat.slice(0, 79)}…` : flat;
}

/**
 * Compiles a value template. `key` names it in the problem sentence (`value_template`,
 * `availability_template`, `availability[0].value_template`…).
 */
export function compileValueTemplate(
  template: string | null | undefined,
  key = 'value_template',
): CompiledTemplate {
  if (template === undefined || template === null || template.trim() === '') {
    return { ok: true, path: null };
  }
  const refuse = (detail?: string): CompiledTemplate => ({
    ok: false,
    problem:
      `${key} "${excerpt(template)}" is not supported: Hearth reads {{ value }} and ` +
      `{{ value_json.<key> }} (keys by name or in ['quotes'], up to ${MAX_PATH_KEYS} deep, ` +
      `no filters or logic)${detail ? `; ${detail}` : ''}`,
  });
  if (template.length > MAX_TEMPLATE_LENGTH) {
    return { ok: false, problem: `${key} is longer than ${MAX_TEMPLATE_LENGTH} characters` };
  }
  const braces = /^\s*\{\{-?([\s\S]*?)-?\}\}\s*$/.exec(template);
  if (!braces) return refuse();
  const expression = braces[1] ?? '';

  let at = 0;
  const skipSpace = (): void => {
    while (at < expression.length && /\s/.test(expression[at] ?? '')) at++;
  };
  const identifier = (): string | null => {
    const match = IDENTIFIER.exec(expression.slice(at));
    if (!match) return null;
    at += match[0].length;
    return match[0];
  };

  skipSpace();
  const root = identifier();
  skipSpace();
  if (root === 'value' && at === expression.length) return { ok: true, path: null };
  if (root !== 'value_json') return refuse();

  const path: string[] = [];
  for (;;) {
    skipSpace();
    if (at === expression.length) break;
    const next = expression[at];
    if (next === '.') {
      at++;
      skipSpace();
      const name = identifier();
      if (name === null) return refuse();
      if (DICT_ATTRIBUTES.has(name)) {
        return refuse(
          `Jinja reads value_json.${name} as a dict method: write value_json['${name}']`,
        );
      }
      path.push(name);
    } else if (next === '[') {
      at++;
      skipSpace();
      const quote = expression[at];
      if (quote !== "'" && quote !== '"') return refuse();
      const end = expression.indexOf(quote, at + 1);
      if (end < 0) return refuse();
      const name = expression.slice(at + 1, end);
      if (name === '' || name.includes('\\')) return refuse();
      at = end + 1;
      skipSpace();
      if (expression[at] !== ']') return refuse();
      at++;
      path.push(name);
    } else {
      return refuse();
    }
  }
  if (path.length === 0) return refuse();
  if (path.length > MAX_PATH_KEYS) return refuse(`it reads ${path.length} keys deep`);
  const long = path.find((name) => name.length > MAX_KEY_LENGTH);
  if (long !== undefined) return refuse(`a key is longer than ${MAX_KEY_LENGTH} characters`);
  return { ok: true, path };
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

/** The value a path selects, or undefined when there is none. Never throws. */
function select(payload: Uint8Array, path: ValuePath): unknown {
  if (payload.length > MAX_VALUE_BYTES) return undefined;
  let text: string;
  try {
    text = utf8.decode(payload);
  } catch {
    return undefined;
  }
  if (path === null) return text;
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  for (const key of path) {
    if (!isJsonObject(value) || !Object.hasOwn(value, key)) return undefined;
    value = value[key];
  }
  return value;
}

/**
 * The text a payload gives through a path, as Home Assistant would render it: a null path is the
 * payload itself (UTF-8); otherwise its JSON is read key by key. Strings come back as they are,
 * numbers as their decimal text, booleans as Jinja prints them (`True`/`False`). A missing key,
 * JSON null, an object or a list, JSON that does not parse, text that is not UTF-8 or a payload
 * over 64 KiB give null. Never throws.
 */
export function readValue(payload: Uint8Array, path: ValuePath): string | null {
  const value = select(payload, path);
  if (typeof value === 'string') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? String(value) : null;
  if (typeof value === 'boolean') return value ? 'True' : 'False';
  return null;
}

const DECIMAL = /^\s*-?\d+(\.\d+)?\s*$/;

/**
 * A number a payload gives through a path (Zigbee2MQTT's `{"battery":87}` with ['battery']): a
 * JSON number, or text that is a plain decimal (`87`, `-3.5`). Anything else gives null. Never
 * throws.
 */
export function readNumber(payload: Uint8Array, path: ValuePath): number | null {
  const value = select(payload, path);
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && DECIMAL.test(value)) return Number(value);
  return null;
}
