// Lock commands, lock-all and the audit log (contract 2.4 and 3.2).
import { z } from 'zod';
import { DeviceIdParamSchema } from '../devices.js';
import { lockCommandErrors } from '../messages/define-messages.js';
import { NoInput, PageInput, op } from '../operation-def.js';
import { WhoSchema } from '../who.js';

const ById = z.object({ id: DeviceIdParamSchema });
const Confirmed = z.object({ id: z.string(), state: z.string(), ms: z.number() });
export const LockAllResultSchema = z.object({
  summary: z.string(),
  results: z.array(
    z.object({ id: z.string(), ok: z.boolean(), state: z.string(), error: z.string().nullable() }),
  ),
});

export const AuditEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  lockId: z.string(),
  lockName: z.string(),
  command: z.string(),
  source: z.string(),
  actor: z.string(),
  /** Who asked, in the family's terms (absent in entries written before it existed). */
  by: WhoSchema.optional(),
  result: z.string(),
  state: z.string(),
  ms: z.number(),
  message: z.string().optional(),
});

const confirmed =
  'Answers when the lock confirms; 409 offline/jammed/not_a_lock/superseded, 504 no_confirmation, 503 broker_unavailable.';

export const lockOperations = {
  lockDevice: op({
    summary: `Locks one lock. ${confirmed}`,
    scope: 'control',
    input: ById,
    output: Confirmed,
    http: { method: 'post', path: '/api/v1/devices/:id/lock' },
    errors: lockCommandErrors,
  }),
  unlockDevice: op({
    summary: `Unlocks one lock. ${confirmed}`,
    scope: 'control',
    input: ById,
    output: Confirmed,
    http: { method: 'post', path: '/api/v1/devices/:id/unlock' },
    errors: lockCommandErrors,
  }),
  openDevice: op({
    summary: `Unlatches one lock (open the door); confirmed by UNLOCKED. ${confirmed}`,
    scope: 'control',
    input: ById,
    output: Confirmed,
    http: { method: 'post', path: '/api/v1/devices/:id/open' },
    errors: lockCommandErrors,
  }),
  lockAll: op({
    summary: 'Locks every lock at once; each lock reports its own result.',
    scope: 'control',
    input: NoInput,
    output: LockAllResultSchema,
    http: { method: 'post', path: '/api/v1/locks/lock-all' },
  }),
  unlockAll: op({
    summary: 'Unlocks every lock at once; each lock reports its own result.',
    scope: 'control',
    input: NoInput,
    output: LockAllResultSchema,
    http: { method: 'post', path: '/api/v1/locks/unlock-all' },
  }),
  listAudit: op({
    summary:
      'The lock audit log, newest first: every command from any source, who asked, the outcome.',
    scope: 'control',
    input: PageInput,
    output: z.object({ entries: z.array(AuditEntrySchema) }),
    http: { method: 'get', path: '/api/v1/audit' },
  }),
} as const;
