// What the hub's codes are worded with: the panel's `t`, and its language for times (without
// one, the browser's own).
import type { Language } from '../../i18n/languages.js';
import type { Translate } from '../../i18n/translate.js';

export interface Speaker {
  t: Translate;
  language?: Language;
}
