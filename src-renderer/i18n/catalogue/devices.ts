// Strings of the panel's devices area. Keys start with "devices."; see ../define-strings.ts.
import { defineStrings } from '../define-strings.js';

export const devicesStrings = defineStrings({}, {});
