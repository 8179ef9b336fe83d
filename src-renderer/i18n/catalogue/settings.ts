// Strings of the panel's settings area. Keys start with "settings."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const settingsStrings = defineStrings({}, {});
