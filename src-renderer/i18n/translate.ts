// Looks a key up in the chosen language and fills in its placeholders (see fill-template.ts).
// Values are plain strings: React renders them as text, so a device's name can never become
// markup.
import { chinese, english, type StringKey } from './catalogue/index.js';
import { fillTemplate, type TemplateValue } from './fill-template.js';
import type { Language } from './languages.js';

export type Translate = (key: StringKey, values?: Record<string, TemplateValue>) => string;

export function translator(language: Language): Translate {
  const table: Record<StringKey, string> = language === 'zh-CN' ? chinese : english;
  return (key, values) => {
    const text = table[key] ?? english[key] ?? key;
    return values ? fillTemplate(text, values) : text;
  };
}

export function isStringKey(text: string): text is StringKey {
  return Object.prototype.hasOwnProperty.call(english, text);
}

/** For fields that hold either a catalogue key or text already made (an empty state's lines). */
export function translateText(t: Translate, text: string): string {
  return isStringKey(text) ? t(text) : text;
}
