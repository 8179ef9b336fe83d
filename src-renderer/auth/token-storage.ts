// Where the browser keeps its session token (contract section 1). A session the owner asked to
// be remembered lives in localStorage, so new tabs and a restarted browser stay signed in;
// any other lives in this tab's sessionStorage and ends with it. Only session tokens are kept:
// the token typed or linked to sign in (the admin token above all) is never stored.
const KEY = 'hearth.session';
/** Where earlier versions kept the token itself; cleared so it does not linger. */
const OLD_KEY = 'hearth.token';

export interface StoredSession {
  token: string;
  remembered: boolean;
}

export function loadSession(): StoredSession | null {
  try {
    sessionStorage.removeItem(OLD_KEY);
    const remembered = localStorage.getItem(KEY);
    if (remembered) return { token: remembered, remembered: true };
    const visit = sessionStorage.getItem(KEY);
    return visit ? { token: visit, remembered: false } : null;
  } catch {
    return null; // storage disabled: the user signs in again on each load
  }
}

export function saveSession(session: StoredSession): void {
  forgetSession();
  try {
    (session.remembered ? localStorage : sessionStorage).setItem(KEY, session.token);
  } catch {
    // Without storage the session still works until the page is reloaded.
  }
}

export function forgetSession(): void {
  try {
    localStorage.removeItem(KEY);
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

/**
 * On the pairing address (`…/pair#code=…`): the code, or '' when there is none yet; null
 * elsewhere. The address bar is set back to the panel's own address at once, so neither the
 * code nor `/pair` stays in it or in the history.
 */
export function takePairingCode(): string | null {
  const { pathname, search, hash } = window.location;
  if (!pathname.endsWith('/pair')) return null;
  const code = new URLSearchParams(hash.replace(/^#/, '')).get('code')?.trim() ?? '';
  window.history.replaceState(window.history.state, '', pathname.slice(0, -'pair'.length) + search);
  return code;
}
