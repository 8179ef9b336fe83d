// Finds English left in a page shown in Chinese: every catalogue string whose Chinese differs
// from its English (names such as "Frigate" or "MQTT" are the same in both and never count) is
// looked for, as whole words, in the page's text; and any two lowercase English words in a row
// (a sentence, not a name) are English a translator left as it was. Returns what it found.
import { chinese, english, type StringKey } from '../../src-renderer/i18n/catalogue/index.js';

// Names whose words are also catalogue strings of their own ("Home").
const NAMES = ['Home Assistant'];

export function untranslatedEnglish(pageText: string): string[] {
  const text = NAMES.reduce((rest, name) => rest.replaceAll(name, ' '), pageText);
  const found: string[] = [];
  for (const key of Object.keys(english) as StringKey[]) {
    if (english[key] === chinese[key]) continue;
    // `{name}` is filled in at run time: look for the fixed words around it.
    for (const part of english[key].split(/\{\w+\}/)) {
      const words = part.trim().replace(/[.:;,]$/, '');
      if (!/[A-Za-z]{3}/.test(words)) continue;
      const pattern = new RegExp(`(^|[^A-Za-z])${escape(words)}($|[^A-Za-z])`);
      if (pattern.test(text)) found.push(`${key}: "${words}"`);
    }
  }
  for (const match of text.matchAll(/\b[a-z]{2,} [a-z]{2,}\b/g)) found.push(`"${match[0]}"`);
  return found;
}

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
