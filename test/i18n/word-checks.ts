// What "no English sentence, no raw code" means for a sentence the panel shows, and sample
// parameters for every code of a family: every variant of each parameter (each word of a word
// kind, each case of a list, a value and null when it may be missing).
import assert from 'node:assert/strict';
import {
  wordValues,
  type MessageParams,
  type ParamKind,
  type ParamSpec,
} from '../../src-main/shared/messages/define-messages.js';

/** A text parameter's sample: two English words, so that the checks must leave it out. */
export const sampleText = (name: string): string => `Front door ${name}`;

export function samplesOf(spec: ParamSpec): MessageParams[] {
  let combos: MessageParams[] = [{}];
  for (const [name, kind] of Object.entries(spec)) {
    const values = candidates(name, kind);
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  return combos;
}

function candidates(name: string, kind: ParamKind): Array<string | number | null> {
  if (typeof kind !== 'string') return [...kind];
  const optional = kind.endsWith('?');
  const base = kind.replace(/\?$/, '');
  const values: Array<string | number | null> =
    base === 'text'
      ? [sampleText(name)]
      : base === 'number'
        ? [42]
        : base === 'seconds'
          ? [150]
          : base === 'time'
            ? ['2026-01-02T03:04:05.000Z']
            : [...wordValues[base as keyof typeof wordValues]];
  return optional ? [...values, null] : values;
}

/** Values the parameters put in the sentence as they are (names, files, an engine's error). */
function withoutParams(text: string, params: MessageParams): string {
  let rest = text.replace(/`[^`]*`/g, ' ');
  const values = Object.values(params).filter(
    (value): value is string => typeof value === 'string',
  );
  for (const value of values.sort((a, b) => b.length - a.length)) {
    if (value.length > 0) rest = rest.split(value).join(' ');
  }
  return rest;
}

const TWO_ENGLISH_WORDS = /[A-Za-z]{2,}[\s,.;:!?()]+[A-Za-z]{2,}/;
const RAW_CODE = /\b[a-z0-9]+_[a-z0-9_]+\b/;

/** Chinese, with no English sentence and no raw code outside what the parameters brought in. */
export function assertChinese(
  text: string,
  what: string,
  params: MessageParams = {},
  spec: ParamSpec = {},
): void {
  const rest = withoutParams(text, params);
  assert.match(rest, /\p{Script=Han}/u, `${what}: no Chinese in ${JSON.stringify(text)}`);
  assert.doesNotMatch(rest, TWO_ENGLISH_WORDS, `${what}: English in ${JSON.stringify(text)}`);
  assert.doesNotMatch(rest, RAW_CODE, `${what}: a raw code in ${JSON.stringify(text)}`);
  assert.doesNotMatch(rest, /[{}]/, `${what}: a placeholder left in ${JSON.stringify(text)}`);
  for (const [name, kind] of Object.entries(spec)) {
    // A variant's or a word's value is for picking words, never shown itself.
    const words = typeof kind === 'string' ? wordsOf(kind) : kind;
    for (const word of words) {
      if (word === 'ok') continue;
      assert.doesNotMatch(
        rest,
        new RegExp(`\\b${word}\\b`),
        `${what}: "${word}" (${name}) shown raw in ${JSON.stringify(text)}`,
      );
    }
  }
}

function wordsOf(kind: string): readonly string[] {
  const base = kind.replace(/\?$/, '');
  return base in wordValues ? wordValues[base as keyof typeof wordValues] : [];
}

/** A sentence in English: something to read, and no raw code or placeholder left. */
export function assertEnglish(text: string, what: string, params: MessageParams = {}): void {
  const rest = withoutParams(text, params);
  assert.match(text, /[A-Za-z]{2,}/, `${what}: nothing to read in ${JSON.stringify(text)}`);
  assert.doesNotMatch(rest, RAW_CODE, `${what}: a raw code in ${JSON.stringify(text)}`);
  assert.doesNotMatch(rest, /[{}]/, `${what}: a placeholder left in ${JSON.stringify(text)}`);
}
