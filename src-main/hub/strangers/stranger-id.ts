// Ids the hub makes for pictures (never a name a device sent): 96 random bits as 24 lowercase
// hex digits, unguessable and safe as a file name. Anything else is refused before a path is built.
import { randomBytes } from 'node:crypto';
import { STRANGER_ID_PATTERN } from '../../shared/operations/strangers.js';

export function newStrangerId(): string {
  return randomBytes(12).toString('hex');
}

export function isStrangerId(value: unknown): value is string {
  return typeof value === 'string' && STRANGER_ID_PATTERN.test(value);
}
