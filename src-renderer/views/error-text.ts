// Turns a failed call into a sentence that says what went wrong and what to do next. Views
// pass their `t` to get it in the panel's language; without one it is English.
import { HubApiError, isNetworkError, isUnauthorized } from '../api/hub-api-error.js';
import { translator, type Translate } from '../i18n/translate.js';

const english = translator('en');

export function errorText(error: unknown, t: Translate = english): string {
  if (isNetworkError(error)) return t('common.error.network');
  if (isUnauthorized(error)) return t('common.error.unauthorized');
  if (error instanceof HubApiError && (error.code === 'forbidden' || error.status === 403)) {
    return t('common.error.forbidden');
  }
  // The hub's own message (English): it names the exact problem, which a catalogue cannot.
  const message = error instanceof Error ? error.message : String(error);
  return message.endsWith('.') ? message : `${message}.`;
}
