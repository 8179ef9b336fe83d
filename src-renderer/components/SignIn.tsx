// The browser's token prompt (contract section 1): the admin token or a paired phone's token,
// traded for a session of this browser's own, kept on this computer when the owner asks.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { SignInProblem } from '../auth/use-browser-auth.js';
import type { StringKey } from '../i18n/catalogue/index.js';
import { useT } from '../i18n/LanguageProvider.js';
import { errorText } from '../views/error-text.js';
import { TextWithCode } from './Code.js';

interface SignInProps {
  checking: boolean;
  problem: SignInProblem | null;
  error: unknown;
  onSubmit(token: string, remember: boolean): void;
}

const problemText: Record<SignInProblem, StringKey> = {
  rejected: 'common.signIn.rejected',
  revoked: 'common.signIn.revoked',
  unreachable: 'common.signIn.unreachable',
  other: 'common.signIn.other',
  signOutUnheard: 'common.signIn.signOutUnheard',
};

export function SignIn({ checking, problem, error, onSubmit }: SignInProps) {
  const t = useT();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const rememberId = useId();
  const rememberHintId = useId();
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
    if (trimmed !== '') onSubmit(trimmed, remember);
  };

  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="signin-title">
        <img className="signin-logo" src="./favicon.svg" alt="" width="56" height="56" />
        <h1 id="signin-title">{t('common.signIn.title')}</h1>
        <p id={hintId} className="muted">
          {t('common.signIn.hint')}
        </p>
        {problem && (
          <div id={errorId} className="notice notice-error" role="alert">
            <TextWithCode text={t(problemText[problem])} />
            {problem === 'other' && error ? ` ${errorText(error, t)}` : null}
          </div>
        )}
        <form className="signin-form" onSubmit={submit} aria-busy={checking}>
          <label htmlFor={inputId}>{t('common.signIn.token')}</label>
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
          <div className="signin-remember">
            <input
              id={rememberId}
              type="checkbox"
              checked={remember}
              disabled={checking}
              aria-describedby={rememberHintId}
              onChange={(event) => setRemember(event.target.checked)}
            />
            <label htmlFor={rememberId}>{t('common.signIn.remember')}</label>
            <p id={rememberHintId} className="muted">
              {t('common.signIn.rememberHint')}
            </p>
          </div>
          <button type="submit" className="button button-primary" disabled={checking}>
            {checking ? t('common.signIn.checking') : t('common.signIn.submit')}
          </button>
        </form>
      </section>
    </main>
  );
}
