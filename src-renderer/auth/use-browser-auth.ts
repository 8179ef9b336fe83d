// The browser's sign-in state: a token (from the URL fragment or this tab's sessionStorage,
// read once at start-up by main.tsx) is checked against the hub, then a session (HTTP + SSE)
// lasts until sign-out or until the hub stops accepting the token.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createBrowserSession } from '../api/browser-session.js';
import type { HubSession } from '../api/hub-session.js';
import { checkToken, type TokenCheck } from './check-token.js';
import { forgetToken, saveToken, takeTokenFromFragment } from './token-storage.js';

export type SignInProblem = 'rejected' | 'revoked' | 'unreachable' | 'other';

export type AuthState =
  | { phase: 'checking' }
  | { phase: 'signed-out'; problem: SignInProblem | null; detail: string }
  | { phase: 'signed-in'; session: HubSession };

export interface BrowserAuth {
  state: AuthState;
  signIn(token: string): void;
  signOut(): void;
}

const SIGNED_OUT: AuthState = { phase: 'signed-out', problem: null, detail: '' };

export function useBrowserAuth(initialToken: string | null): BrowserAuth {
  const [state, setState] = useState<AuthState>(initialToken ? { phase: 'checking' } : SIGNED_OUT);
  const sessionRef = useRef<HubSession | null>(null);
  // Each sign-in attempt gets a number, so a slow, older check cannot overwrite a newer one.
  const attemptRef = useRef(0);

  const endSession = useCallback(() => {
    sessionRef.current?.close();
    sessionRef.current = null;
    forgetToken();
  }, []);

  const finish = useCallback(
    (token: string, result: TokenCheck) => {
      if (!result.ok) {
        // A token that fails its check is not kept: a reload should not silently retry it.
        endSession();
        setState({ phase: 'signed-out', problem: result.reason, detail: result.message });
        return;
      }
      saveToken(token);
      sessionRef.current?.close();
      const session = createBrowserSession(token, () => {
        endSession();
        setState({ phase: 'signed-out', problem: 'revoked', detail: '' });
      });
      sessionRef.current = session;
      setState({ phase: 'signed-in', session });
    },
    [endSession],
  );

  const check = useCallback(
    (token: string) => {
      const attempt = ++attemptRef.current;
      void checkToken(token).then((result) => {
        if (attempt === attemptRef.current) finish(token, result);
      });
    },
    [finish],
  );

  const signIn = useCallback(
    (token: string) => {
      setState({ phase: 'checking' });
      check(token);
    },
    [check],
  );

  const signOut = useCallback(() => {
    attemptRef.current++;
    endSession();
    setState(SIGNED_OUT);
  }, [endSession]);

  useEffect(() => {
    const attempts = attemptRef;
    if (initialToken) check(initialToken);
    return () => {
      attempts.current++;
      sessionRef.current?.close();
      sessionRef.current = null;
    };
  }, [initialToken, check]);

  // A `#token=` link opened in a tab that already shows the panel changes only the fragment:
  // no page load, so it is picked up here.
  useEffect(() => {
    const onHashChange = () => {
      const token = takeTokenFromFragment();
      if (token) signIn(token);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [signIn]);

  return { state, signIn, signOut };
}
