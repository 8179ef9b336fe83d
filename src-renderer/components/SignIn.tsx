// The browser's token prompt (contract section 1): the admin token or a paired phone's token.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SignInProblem } from '../auth/use-browser-auth.js';
import { TextWithCode } from './Code.js';

interface SignInProps {
  checking: boolean;
  problem: SignInProblem | null;
  detail: string;
  onSubmit(token: string): void;
}

const problemText: Record<SignInProblem, string> = {
  rejected:
    'That token was not accepted. Use the admin token printed when the hub first started, or a token from pairing a phone. Lost the admin token? Run `npm run hub -- reset-admin-token` on the hub’s computer to print a new one.',
  revoked:
    'The hub no longer accepts the token this tab was using (it may have been revoked or replaced). Sign in again with a current token.',
  unreachable: 'Could not reach the hub. Check that it is running, then try again.',
  other: 'Signing in failed.',
};

export function SignIn({ checking, problem, detail, onSubmit }: SignInProps) {
  const [token, setToken] = useState('');
  const inputId = useId();
  const hintId = useId();
  const errorId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // After a failed attempt, put the cursor back in the field so the token can be fixed.
  useEffect(() => {
    if (!checking) inputRef.current?.focus();
  }, [checking, problem]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed !== '') onSubmit(trimmed);
  };

  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="signin-title">
        <img className="signin-logo" src="./favicon.svg" alt="" width="56" height="56" />
        <h1 id="signin-title">Sign in to Hearth</h1>
        <p id={hintId} className="muted">
          Paste the admin token printed when the hub first started, or a token from pairing a phone.
          It is kept only in this browser tab until you close it or sign out.
        </p>
        {problem && (
          <div id={errorId} className="notice notice-error" role="alert">
            <TextWithCode text={problemText[problem]} />
            {problem === 'other' && detail ? ` ${detail}` : null}
          </div>
        )}
        <form className="signin-form" onSubmit={submit} aria-busy={checking}>
          <label htmlFor={inputId}>Token</label>
          <input
            ref={inputRef}
            id={inputId}
            name="token"
            type="password"
            autoComplete="off"
            spellCheck={false}
            required
            value={token}
            disabled={checking}
            aria-describedby={problem ? `${errorId} ${hintId}` : hintId}
            aria-invalid={problem === 'rejected' || problem === 'revoked' ? true : undefined}
            onChange={(event) => setToken(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={checking}>
            {checking ? 'Checking token…' : 'Sign in'}
          </button>
        </form>
      </section>
    </main>
  );
}
