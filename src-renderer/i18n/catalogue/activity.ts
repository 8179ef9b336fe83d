// Strings of the panel's activity area. Keys start with "activity."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const activityStrings = defineStrings({}, {});
