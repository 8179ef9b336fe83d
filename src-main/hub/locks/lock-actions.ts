// The original hub's MQTT actions `lock [id|all]` and `unlock [id|all]` (no argument: all).
// The reply goes on topic `lock` / `unlock` (the dispatcher's rule) with the summary.
import { builtInActionDescriptions } from '../../shared/messages/built-in-actions.js';
import type { ActionDefinition } from '../actions/action-types.js';
import { describe } from '../actions/dispatcher.js';
import { commandAll } from './lock-all.js';
import type { WhoOf } from '../who-of.js';
import type { LockService } from './lock-service.js';

export function createLockActions(
  locks: LockService,
  nameOf: (id: string) => string,
  whoOf: WhoOf,
): ActionDefinition[] {
  return (['LOCK', 'UNLOCK'] as const).map((command) => ({
    name: command.toLowerCase(),
    description: builtInActionDescriptions[command === 'LOCK' ? 'lock' : 'unlock'],
    permission: 'control',
    devicesMayRun: false,
    source: 'built-in',
    async run(call) {
      const who = { source: 'mqtt', actor: describe(call.caller), by: whoOf(call.caller) };
      const target = call.args[0];
      if (target === undefined || target.toLowerCase() === 'all') {
        return (await commandAll(locks, command, who, nameOf)).summary;
      }
      const result = await locks.command(target, command, who);
      return result.ok
        ? `${nameOf(target)} ${command === 'LOCK' ? 'locked' : 'unlocked'} (${result.ms} ms)`
        : `${nameOf(target)}: ${result.message}`;
    },
  }));
}
