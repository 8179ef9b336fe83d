// Strings of the panel's strangers area. Keys start with "strangers."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const strangersStrings = defineStrings({}, {});
