// The original hub's MQTT actions `lock [id|all]` and `unlock [id|all]` (no argument: all).
// The reply goes on topic `lock` / `unlock` (the dispatcher's rule) with the summary.
import type { ActionDefinition, Caller } from '../actions/action-types.js';
import { describe } from '../actions/dispatcher.js';
import { commandAll } from './lock-all.js';
import type { LockService } from './lock-service.js';

export function createLockActions(
  locks: LockService,
  nameOf: (id: string) => string,
): ActionDefinition[] {
  return (['LOCK', 'UNLOCK'] as const).map((command) => ({
    name: command.toLowerCase(),
    description: `${command === 'LOCK' ? 'Locks' : 'Unlocks'} one lock (${command.toLowerCase()} <id>) or all of them (${command.toLowerCase()} or ${command.toLowerCase()} all).`,
    permission: 'control',
    devicesMayRun: false,
    source: 'built-in',
    async run(call) {
      const who = { source: 'mqtt', actor: requesterName(call.caller) };
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

export function requesterName(caller: Caller): string {
  return describe(caller);
}
