// Turns a failed call into a sentence that says what went wrong and what to do next.
import { HubApiError, isNetworkError, isUnauthorized } from '../api/hub-api-error.js';

export function errorText(error: unknown): string {
  if (isNetworkError(error)) {
    return 'The hub could not be reached. Check that it is running, then try again.';
  }
  if (isUnauthorized(error)) {
    return 'The hub no longer accepts this token. Sign out and sign in again.';
  }
  if (error instanceof HubApiError && (error.code === 'forbidden' || error.status === 403)) {
    return 'This needs an admin token. Sign in with the admin token to do it.';
  }
  const message = error instanceof Error ? error.message : String(error);
  return message.endsWith('.') ? message : `${message}.`;
}
