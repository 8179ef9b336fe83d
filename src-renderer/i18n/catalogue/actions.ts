// Strings of the panel's actions area. Keys start with "actions."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const actionsStrings = defineStrings({}, {});
