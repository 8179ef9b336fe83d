// The browser's sign-in state. A token typed in or linked with `#token=` is traded for a
// session of this browser's own; a session kept from before (this tab's, or a remembered one)
// is checked against the hub. The session (HTTP + SSE) lasts until sign-out, which revokes it
// on the hub, or until the hub stops accepting it.
import { useCallback, useEffect, useRef, useState } from 'react';
import { createBrowserSession } from '../api/browser-session.js';
import type { HubSession } from '../api/hub-session.js';
import { useT } from '../i18n/LanguageProvider.js';
import {
  checkToken,
  redeemPairingCode,
  startSession,
  type CheckFailure,
  type Scope,
} from './check-token.js';
import { answerNewTabs, askOpenTabs } from './tab-handoff.js';
import {
  forgetSession,
  saveSession,
  takeTokenFromFragment,
  type StoredSession,
} from './token-storage.js';

/** `signOutUnheard`: signed out here, but the hub could not be told (it was unreachable). */
export type SignInProblem =
  'rejected' | 'revoked' | 'unreachable' | 'codeRefused' | 'other' | 'signOutUnheard';

export type AuthState =
  /** `signingOut`: the hub is being told this browser signs out. */
  | { phase: 'checking'; signingOut?: true }
  | { phase: 'signed-out'; problem: SignInProblem | null; error: unknown }
  | { phase: 'signed-in'; session: HubSession; token: string; remembered: boolean }
  /** This browser is signed in, but the hub cannot be reached (the phone is away from home). */
  | { phase: 'unreachable'; kept: StoredSession };

/**
 * What the page starts with: a token from the link, the session this browser kept, or none
 * kept here (then another open tab may share its sign-in for this visit).
 */
export type StartingPoint =
  | { kind: 'link'; token: string }
  /** The pairing address: a code from the QR code's link, or none yet (typed on the phone). */
  | { kind: 'pair'; code: string | null }
  | { kind: 'kept'; session: StoredSession }
  | { kind: 'ask-tabs' };

export interface BrowserAuth {
  state: AuthState;
  /** Tries a kept session again (after "Can't reach Hearth"). */
  retry(): void;
  signIn(token: string, remember: boolean): void;
  pair(code: string): void;
  signOut(): void;
}

const RETRY_UNREACHABLE_MS = 10_000;
const SIGNED_OUT: AuthState = { phase: 'signed-out', problem: null, error: null };

export function useBrowserAuth(start: StartingPoint): BrowserAuth {
  // Read when a session is made (to name it in the panel's language); a ref, so switching the
  // language does not count as a new start.
  const t = useT();
  const tRef = useRef(t);
  useEffect(() => {
    tRef.current = t;
  }, [t]);
  // Only the pairing address without a code has nothing to check: it shows the code form.
  const [state, setState] = useState<AuthState>(
    start.kind === 'pair' && !start.code ? SIGNED_OUT : { phase: 'checking' },
  );
  const sessionRef = useRef<{ session: HubSession; token: string } | null>(null);
  // Each sign-in attempt gets a number, so a slow, older check cannot overwrite a newer one.
  const attemptRef = useRef(0);

  const endSession = useCallback(() => {
    sessionRef.current?.session.close();
    sessionRef.current = null;
    forgetSession();
  }, []);

  const fail = useCallback(
    (result: CheckFailure, kept: boolean) => {
      // A token that fails its check is not kept: a reload should not silently retry it.
      endSession();
      // A kept session the hub refuses was revoked or ended unused; say so, not "wrong token".
      const problem = kept && result.reason === 'rejected' ? 'revoked' : result.reason;
      setState({ phase: 'signed-out', problem, error: result.error });
    },
    [endSession],
  );

  const open = useCallback(
    (kept: StoredSession, scope: Scope) => {
      saveSession(kept);
      sessionRef.current?.session.close();
      const session = createBrowserSession(kept.token, scope, () => {
        endSession();
        setState({ phase: 'signed-out', problem: 'revoked', error: null });
      });
      sessionRef.current = { session, token: kept.token };
      setState({ phase: 'signed-in', session, token: kept.token, remembered: kept.remembered });
    },
    [endSession],
  );

  // Sets no state before the hub answers, so the start-up effect can call it.
  const trade = useCallback(
    (token: string, remember: boolean) => {
      const attempt = ++attemptRef.current;
      void startSession(token, remember, tRef.current).then((result) => {
        if (attempt !== attemptRef.current) return;
        if (result.ok) open({ token: result.token, remembered: result.remembered }, result.scope);
        else fail(result, false);
      });
    },
    [open, fail],
  );

  const redeem = useCallback(
    (code: string) => {
      const attempt = ++attemptRef.current;
      void redeemPairingCode(code, tRef.current).then((result) => {
        if (attempt !== attemptRef.current) return;
        if (result.ok) open({ token: result.token, remembered: result.remembered }, result.scope);
        else fail(result, false);
      });
    },
    [open, fail],
  );

  const pair = useCallback(
    (code: string) => {
      setState({ phase: 'checking' });
      redeem(code);
    },
    [redeem],
  );

  const signIn = useCallback(
    (token: string, remember: boolean) => {
      setState({ phase: 'checking' });
      trade(token, remember);
    },
    [trade],
  );

  const resume = useCallback(
    (kept: StoredSession) => {
      const attempt = ++attemptRef.current;
      void checkToken(kept.token).then((result) => {
        if (attempt !== attemptRef.current) return;
        if (result.ok) open(kept, result.scope);
        else if (result.reason === 'rejected') fail(result, true);
        // The hub is away: the session is kept, and tried again (by retry() or the timer).
        else if (result.reason === 'unreachable') setState({ phase: 'unreachable', kept });
        // Failing for now: keep the session for the next try, but show why.
        else setState({ phase: 'signed-out', problem: result.reason, error: result.error });
      });
    },
    [open, fail],
  );

  const signOut = useCallback(() => {
    const attempt = ++attemptRef.current;
    const current = sessionRef.current;
    endSession();
    if (!current) {
      setState(SIGNED_OUT);
      return;
    }
    setState({ phase: 'checking', signingOut: true });
    // Revoked on the hub too, so the token is worthless even if it was copied from storage.
    current.session.api.endSession({}).then(
      () => attempt === attemptRef.current && setState(SIGNED_OUT),
      (error: unknown) => {
        if (attempt !== attemptRef.current) return;
        const unheard = (error as { code?: string }).code === 'network';
        setState({ phase: 'signed-out', problem: unheard ? 'signOutUnheard' : null, error });
      },
    );
  }, [endSession]);

  useEffect(() => {
    const attempts = attemptRef;
    if (start.kind === 'link') trade(start.token, false);
    else if (start.kind === 'pair') {
      if (start.code) redeem(start.code);
    } else if (start.kind === 'kept') resume(start.session);
    else {
      const attempt = attemptRef.current;
      void askOpenTabs().then((token) => {
        if (attempt !== attemptRef.current) return;
        if (token) resume({ token, remembered: false });
        else setState(SIGNED_OUT);
      });
    }
    return () => {
      attempts.current++;
      sessionRef.current?.session.close();
      sessionRef.current = null;
    };
  }, [start, trade, redeem, resume]);

  // A `#token=` link opened in a tab that already shows the panel changes only the fragment:
  // no page load, so it is picked up here.
  useEffect(() => {
    const onHashChange = () => {
      const token = takeTokenFromFragment();
      if (token) signIn(token, false);
    };
    window.addEventListener('hashchange', onHashChange);
    return () => window.removeEventListener('hashchange', onHashChange);
  }, [signIn]);

  // A sign-in for this visit is shared with new tabs while this one is open.
  const visitToken = state.phase === 'signed-in' && !state.remembered ? state.token : null;
  useEffect(() => (visitToken ? answerNewTabs(visitToken) : undefined), [visitToken]);

  const retry = useCallback(() => {
    if (state.phase !== 'unreachable') return;
    setState({ phase: 'checking' });
    resume(state.kept);
  }, [state, resume]);

  // Away from home, try again now and then by itself: the app comes back when the phone does.
  useEffect(() => {
    if (state.phase !== 'unreachable') return;
    const timer = setTimeout(() => resume(state.kept), RETRY_UNREACHABLE_MS);
    return () => clearTimeout(timer);
  }, [state, resume]);

  return { state, signIn, pair, signOut, retry };
}
