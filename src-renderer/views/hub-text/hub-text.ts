// Everything the hub writes, worded by the panel from its catalogue by code and parameters:
// warnings, activity entries, action errors and HTTP errors. An entry the panel has no words for
// (written before codes existed, or by a newer hub) shows the hub's English, marked as such.
import {
  actionErrorMessages,
  type ActionProblem,
} from '../../../src-main/shared/messages/action-errors.js';
import {
  activityKinds,
  activityMessages,
  type ActivityCode,
  type ActivityKind,
} from '../../../src-main/shared/messages/activity.js';
import type { MessageParams } from '../../../src-main/shared/messages/define-messages.js';
import {
  errorCatalogue,
  httpErrorParams,
  type ErrorCode,
} from '../../../src-main/shared/messages/http-errors.js';
import { warningMessages, type WarningCode } from '../../../src-main/shared/messages/warnings.js';
import type { Translate } from '../../i18n/translate.js';
import { shownParams } from './shown-params.js';
import type { Speaker } from './speaker.js';

const has = <T extends object>(table: T, key: string): key is Extract<keyof T, string> =>
  Object.prototype.hasOwnProperty.call(table, key);

function inEnglish(message: string, t: Translate): string {
  return t('hubText.inEnglish', { message });
}

export interface CodedText {
  code?: string;
  params?: MessageParams;
  message: string;
}

export function warningText(warning: CodedText, speaker: Speaker): string {
  const { code, params } = warning;
  if (code === undefined || params === undefined || !has(warningMessages, code)) {
    return inEnglish(warning.message, speaker.t);
  }
  const spec = warningMessages[code as WarningCode].params;
  return speaker.t(`warning.${code as WarningCode}`, shownParams(spec, params, speaker));
}

/** `problem` is an action problem (action-errors.ts); older entries may lack one. */
export function actionErrorText(error: CodedText, speaker: Speaker): string {
  const { code, params } = error;
  if (code === undefined || params === undefined || !has(actionErrorMessages, code)) {
    return inEnglish(error.message, speaker.t);
  }
  const spec = actionErrorMessages[code as ActionProblem].params;
  return speaker.t(`actionError.${code as ActionProblem}`, shownParams(spec, params, speaker));
}

/** An activity entry's sentence: its code is of the family its kind says. */
export function activityText(entry: CodedText & { kind: string }, speaker: Speaker): string {
  if (entry.kind === 'warning') return warningText(entry, speaker);
  if (entry.kind === 'action_error') return actionErrorText(entry, speaker);
  const { code, params } = entry;
  if (code === undefined || params === undefined || !has(activityMessages, code)) {
    return inEnglish(entry.message, speaker.t);
  }
  const spec = activityMessages[code as ActivityCode].params;
  return speaker.t(`activityText.${code as ActivityCode}`, shownParams(spec, params, speaker));
}

export function activityKindText(kind: string, t: Translate): string {
  return (activityKinds as readonly string[]).includes(kind)
    ? t(`activityKind.${kind as ActivityKind}`)
    : t('hubText.unknownKind');
}

/**
 * An HTTP error in words. One from running an action carries the action's problem in its
 * parameters, which says more than the HTTP code; a code the panel does not know is English.
 */
export function httpErrorText(
  error: { code: string; params: MessageParams; message: string },
  speaker: Speaker,
): string {
  const { problem, ...rest } = error.params;
  if (typeof problem === 'string' && has(actionErrorMessages, problem)) {
    return actionErrorText({ code: problem, params: rest, message: error.message }, speaker);
  }
  if (!has(errorCatalogue, error.code)) return inEnglish(error.message, speaker.t);
  const code = error.code as ErrorCode;
  const spec = has(httpErrorParams, code) ? httpErrorParams[code] : {};
  const { detail } = error.params;
  // A quoted detail ends the sentence, so it ends like one.
  const params =
    typeof detail === 'string' && !/[.!?。]$/.test(detail)
      ? { ...error.params, detail: `${detail}.` }
      : error.params;
  return speaker.t(`httpError.${code}`, shownParams(spec, params, speaker));
}
