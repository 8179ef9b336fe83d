// Turns a failed call into a sentence that says what went wrong and what to do next, from the
// catalogue by the hub's error code and parameters (see hub-text.ts). Views pass their `t` to
// get it in the panel's language; without one it is English.
import { HubApiError, isNetworkError, isUnauthorized } from '../api/hub-api-error.js';
import { translator, type Translate } from '../i18n/translate.js';
import { httpErrorText } from './hub-text/hub-text.js';

const english = translator('en');

export function errorText(error: unknown, t: Translate = english): string {
  if (isNetworkError(error)) return t('common.error.network');
  if (isUnauthorized(error)) return t('common.error.unauthorized');
  if (error instanceof HubApiError && (error.code === 'forbidden' || error.status === 403)) {
    return t('common.error.forbidden');
  }
  if (error instanceof HubApiError) return httpErrorText(error, { t });
  // Not the hub's: a bug in the panel itself. Its message is all there is to show.
  const message = error instanceof Error ? error.message : String(error);
  return t('hubText.inEnglish', { message });
}
