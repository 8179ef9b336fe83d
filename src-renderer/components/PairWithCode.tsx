// The phone's side of pairing (contract 3.2): a pairing code, from the QR code's address or
// typed, traded once for this phone's own control token.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/LanguageProvider.js';

interface PairWithCodeProps {
  checking: boolean;
  refused: boolean;
  /** Ids of the notices above, read out with the field. */
  describedBy: string;
  onPair(code: string): void;
}

export function PairWithCode({ checking, refused, describedBy, onPair }: PairWithCodeProps) {
  const t = useT();
  const [code, setCode] = useState('');
  const inputId = useId();
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    if (!checking) inputRef.current?.focus();
  }, [checking, refused]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const trimmed = code.replace(/\s+/g, '').toUpperCase();
    if (trimmed !== '') onPair(trimmed);
  };

  return (
    <form className="signin-form" onSubmit={submit} aria-busy={checking}>
      <label htmlFor={inputId}>{t('pairing.code')}</label>
      <input
        ref={inputRef}
        id={inputId}
        name="pairing-code"
        className="signin-code"
        autoComplete="one-time-code"
        autoCapitalize="characters"
        spellCheck={false}
        maxLength={32}
        required
        value={code}
        disabled={checking}
        aria-describedby={describedBy}
        aria-invalid={refused ? true : undefined}
        onChange={(event) => setCode(event.target.value)}
      />
      <button type="submit" className="button button-primary" disabled={checking}>
        {checking ? t('pairing.pairing') : t('pairing.submit')}
      </button>
    </form>
  );
}
