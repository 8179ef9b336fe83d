// Where the browser keeps its token: sessionStorage only, so it ends with the tab and never
// lingers on a shared computer (localStorage would keep it for good).
const KEY = 'hearth.token';

export function loadToken(): string | null {
  try {
    return sessionStorage.getItem(KEY);
  } catch {
    return null; // storage disabled: the user signs in again on each load
  }
}

export function saveToken(token: string): void {
  try {
    sessionStorage.setItem(KEY, token);
  } catch {
    // Without storage the session still works until the page is reloaded.
  }
}

export function forgetToken(): void {
  try {
    sessionStorage.removeItem(KEY);
  } catch {
    // Nothing stored, nothing to forget.
  }
}

/**
 * Takes a token from `#token=<token>` and removes the fragment from the address bar and the
 * history entry at once, so the token is not left on screen or in a bookmark.
 */
export function takeTokenFromFragment(): string | null {
  const hash = window.location.hash.replace(/^#/, '');
  if (!hash.startsWith('token=')) return null;
  const token = new URLSearchParams(hash).get('token')?.trim() ?? '';
  const { pathname, search } = window.location;
  window.history.replaceState(window.history.state, '', pathname + search);
  return token === '' ? null : token;
}
