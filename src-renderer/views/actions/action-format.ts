// Display helpers for the action table and the action files.
import type { ActionInfo } from '../../../src-main/shared/hub-api.js';
import type { MessageParams } from '../../../src-main/shared/messages/define-messages.js';
import {
  builtInActionNames,
  type BuiltInActionName,
} from '../../../src-main/shared/messages/built-in-actions.js';
import type { Translate } from '../../i18n/translate.js';
import { actionErrorText } from '../hub-text/hub-text.js';
import type { Speaker } from '../hub-text/speaker.js';
import type { TokenScope } from '../use-token-scope.js';

/** What an action does: a built-in's in the panel's words; a file's, where it comes from. */
export function actionDescription(action: ActionInfo, t: Translate): string {
  if (action.source !== 'built-in') return t('actions.table.fromFile', { file: action.source });
  return (builtInActionNames as string[]).includes(action.name)
    ? t(`builtInAction.${action.name as BuiltInActionName}`)
    : action.description;
}

/** Why a file or an export did not load (or an action last failed), in the panel's words. */
export function fileProblemText(
  item: { problem: { problem: string; params: MessageParams } | null; error: string | null },
  speaker: Speaker,
): string {
  if (item.problem) {
    const { problem, params } = item.problem;
    return actionErrorText({ code: problem, params, message: item.error ?? '' }, speaker);
  }
  return item.error ? speaker.t('hubText.inEnglish', { message: item.error }) : '';
}

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
