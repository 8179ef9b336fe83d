// Whether a caller may run an action (contract 2.1 "who").
import type { ActionDefinition, Caller } from './action-types.js';

export function mayRun(action: ActionDefinition, caller: Caller): boolean {
  if (caller.kind === 'local') return true;
  if (caller.kind === 'device') return action.devicesMayRun && action.permission === 'anyone';
  // Bridges may not write hearth/ topics at all (contract 2.3.5), so never reach an inbox.
  if (caller.kind === 'integration') return false;
  switch (action.permission) {
    case 'anyone':
      return true;
    case 'control':
      return caller.scope === 'control' || caller.scope === 'admin';
    case 'admin':
      return caller.scope === 'admin';
  }
}
