// Lock commands, lock-all and the audit log.
import type { CallerIdentity, OperationHandlers } from '../hub-caller.js';
import { describe } from '../actions/dispatcher.js';
import { ApiError } from '../api/error-catalogue.js';
import type { AuditLog } from '../locks/audit-log.js';
import { commandAll } from '../locks/lock-all.js';
import type { LockService } from '../locks/lock-service.js';
import type { CommandWord, Requester } from '../locks/lock-types.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';
import type { WhoOf } from '../who-of.js';

type LockHandlers = Pick<
  OperationHandlers,
  'lockDevice' | 'unlockDevice' | 'openDevice' | 'lockAll' | 'unlockAll' | 'listAudit'
>;

export function requesterOf(caller: CallerIdentity, whoOf: WhoOf): Requester {
  if (caller.kind === 'anonymous') throw new ApiError('unauthorized');
  return {
    source: caller.kind === 'local' ? 'panel' : 'http',
    actor: describe(caller),
    by: whoOf(caller),
  };
}

export function lockHandlers(
  locks: LockService,
  audit: AuditLog,
  nameOf: (id: string) => string,
  whoOf: WhoOf,
): LockHandlers {
  const requester = (caller: CallerIdentity) => requesterOf(caller, whoOf);
  const one = async (id: string, command: CommandWord, caller: CallerIdentity) => {
    const result = await locks.command(id, command, requester(caller));
    if (!result.ok) {
      // The lock's name is for the panel's sentence ("Front door is offline").
      const params: MessageParams =
        result.code === 'unknown_device' ? { id } : { name: nameOf(id) };
      throw new ApiError(result.code, result.message, params);
    }
    return { id: result.id, state: result.state, ms: result.ms };
  };
  return {
    lockDevice: ({ id }, caller) => one(id, 'LOCK', caller),
    unlockDevice: ({ id }, caller) => one(id, 'UNLOCK', caller),
    openDevice: ({ id }, caller) => one(id, 'OPEN', caller),
    lockAll: (_input, caller) => commandAll(locks, 'LOCK', requester(caller), nameOf),
    unlockAll: (_input, caller) => commandAll(locks, 'UNLOCK', requester(caller), nameOf),
    listAudit: ({ limit, before }) => ({ entries: audit.query(limit, before) }),
  };
}
