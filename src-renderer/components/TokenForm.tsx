// The token prompt (contract section 1): the admin token or a paired phone's token, traded for
// a session of this browser's own, kept on this computer when the owner asks.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/LanguageProvider.js';

interface TokenFormProps {
  checking: boolean;
  /** What the button says while busy. */
  busyLabel: string;
  invalid: boolean;
  describedBy: string;
  onSubmit(token: string, remember: boolean): void;
}

export function TokenForm({ checking, busyLabel, invalid, describedBy, onSubmit }: TokenFormProps) {
  const t = useT();
  const [token, setToken] = useState('');
  const [remember, setRemember] = useState(false);
  const inputId = useId();
  const rememberId = useId();
  const rememberHintId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  // After a failed attempt, put the cursor back in the field so the token can be fixed.
  useEffect(() => {
    if (!checking) inputRef.current?.focus();
  }, [checking, invalid]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = token.trim();
    if (trimmed !== '') onSubmit(trimmed, remember);
  };

  return (
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
        aria-describedby={describedBy}
        aria-invalid={invalid ? true : undefined}
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
        {checking ? busyLabel : t('common.signIn.submit')}
      </button>
    </form>
  );
}
