// Lock commands and their outcomes (contract 2.4 and 3.2).
import type { Who } from '../../shared/who.js';
export type CommandWord = 'LOCK' | 'UNLOCK' | 'OPEN';

export type LockErrorCode =
  | 'unknown_device'
  | 'not_a_lock'
  | 'offline'
  | 'jammed'
  | 'superseded'
  | 'no_confirmation'
  | 'broker_unavailable'
  | 'not_supported';

/** Who asked, for the audit log: as the log says it, and in the family's terms (`by`). */
export interface Requester {
  source: string;
  actor: string;
  by: Who;
}

export type CommandResult =
  | { ok: true; id: string; state: string; ms: number }
  | { ok: false; id: string; state: string; ms: number; code: LockErrorCode; message: string };

/** The state a command waits for: OPEN unlatches, and an unlatched lock is unlocked. */
export const TARGET_STATE: Record<CommandWord, string> = {
  LOCK: 'LOCKED',
  UNLOCK: 'UNLOCKED',
  OPEN: 'UNLOCKED',
};
