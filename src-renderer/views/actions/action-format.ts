// Display helpers for the action table.
import type { ActionInfo } from '../../../src-main/shared/hub-api.js';
import type { Translate } from '../../i18n/translate.js';
import type { TokenScope } from '../use-token-scope.js';

export function whoMayRun(action: ActionInfo, t: Translate): string {
  const tokens = t(`actions.who.${action.permission}`);
  return action.devicesMayRun ? t('actions.who.andDevices', { tokens }) : tokens;
}

export function mayRunWith(action: ActionInfo, scope: TokenScope): boolean {
  if (action.permission === 'admin') return scope === 'admin';
  return true;
}

export function formatMs(ms: number, calls: number): string {
  if (calls === 0) return '—';
  return ms < 10 ? `${ms.toFixed(1)} ms` : `${Math.round(ms)} ms`;
}

/** "hello world" → ["hello", "world"]; "" → []. */
export function splitArgs(text: string): string[] {
  return text.split(/\s+/).filter((word) => word !== '');
}
