// Strings of the panel's home area. Keys start with "home."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const homeStrings = defineStrings({}, {});
