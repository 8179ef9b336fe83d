// Turns a hub message's parameters into what its sentence shows: a span in the panel's own
// units, a time as a clock in its language, a device kind or a lock's result in its words.
// Names, files and an engine's own error are shown as they are. A parameter the code declares
// but the hub did not send is null, so the sentence's `null` case applies.
import {
  wordValues,
  type MessageParams,
  type ParamKind,
  type ParamSpec,
} from '../../../src-main/shared/messages/define-messages.js';
import type { TemplateValue } from '../../i18n/fill-template.js';
import { formatDuration } from '../format.js';
import { commandText, resultText } from '../home/lock-words.js';
import type { Speaker } from './speaker.js';

export function shownParams(
  spec: ParamSpec,
  params: MessageParams,
  speaker: Speaker,
): Record<string, TemplateValue> {
  const shown: Record<string, TemplateValue> = {};
  for (const name of Object.keys(spec)) shown[name] = null;
  for (const [name, value] of Object.entries(params)) {
    shown[name] = value === null ? null : shownValue(spec[name], value, speaker);
  }
  return shown;
}

function shownValue(
  kind: ParamKind | undefined,
  value: string | number | boolean,
  { t, language }: Speaker,
): TemplateValue {
  const base = typeof kind === 'string' ? kind.replace(/\?$/, '') : null;
  switch (base) {
    case 'seconds':
      return typeof value === 'number' ? formatDuration(value, t) : String(value);
    case 'time':
      return clock(String(value), language);
    case 'deviceKind':
      return isWord('deviceKind', value) ? t(`word.deviceKind.${value}`) : String(value);
    case 'lockCommand':
      return isWord('lockCommand', value) ? commandText(value, t) : String(value);
    case 'lockResult':
      // `ok` stays itself: sentences pick their variant by it.
      return value === 'ok' ? value : resultText(String(value), t);
    default:
      return value;
  }
}

function isWord<K extends keyof typeof wordValues>(
  kind: K,
  value: unknown,
): value is (typeof wordValues)[K][number] {
  return (wordValues[kind] as readonly unknown[]).includes(value);
}

function clock(iso: string, language: string | undefined): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString(language);
}
