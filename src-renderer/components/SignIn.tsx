// The browser's way in (contract section 1): a token (the admin token or a paired phone's), or
// on a phone a pairing code, from the QR code's address or typed. Either ends in a sign-in of
// this browser's own.
import { useId, useState } from 'react';
import type { SignInProblem } from '../auth/use-browser-auth.js';
import type { StringKey } from '../i18n/catalogue/index.js';
import { useT } from '../i18n/LanguageProvider.js';
import { errorText } from '../views/error-text.js';
import { TextWithCode } from './Code.js';
import { PairWithCode } from './PairWithCode.js';
import { TokenForm } from './TokenForm.js';

export type SignInMode = 'token' | 'code';

interface SignInProps {
  checking: boolean;
  /** Busy telling the hub this browser signs out (not checking a token). */
  signingOut?: boolean;
  problem: SignInProblem | null;
  error: unknown;
  /** `code` on the pairing address (`/pair`), where a phone comes to pair. */
  initialMode: SignInMode;
  onSubmit(token: string, remember: boolean): void;
  onPair(code: string): void;
}

const problemText: Record<SignInProblem, StringKey> = {
  rejected: 'common.signIn.rejected',
  revoked: 'common.signIn.revoked',
  unreachable: 'common.signIn.unreachable',
  other: 'common.signIn.other',
  signOutUnheard: 'common.signIn.signOutUnheard',
  codeRefused: 'pairing.refused',
};

export function SignIn(props: SignInProps) {
  const { checking, problem, error } = props;
  const t = useT();
  const [mode, setMode] = useState<SignInMode>(props.initialMode);
  const hintId = useId();
  const errorId = useId();
  const describedBy = problem ? `${errorId} ${hintId}` : hintId;

  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="signin-title">
        <img className="signin-logo" src="./favicon.svg" alt="" width="56" height="56" />
        <h1 id="signin-title">{mode === 'code' ? t('pairing.title') : t('common.signIn.title')}</h1>
        <p id={hintId} className="muted">
          {mode === 'code' ? t('pairing.hint') : t('common.signIn.hint')}
        </p>
        {problem && (
          <div id={errorId} className="notice notice-error" role="alert">
            <TextWithCode text={t(problemText[problem])} />
            {problem === 'other' && error ? ` ${errorText(error, t)}` : null}
          </div>
        )}
        {mode === 'code' ? (
          <PairWithCode
            checking={checking}
            refused={problem === 'codeRefused'}
            describedBy={describedBy}
            onPair={props.onPair}
          />
        ) : (
          <TokenForm
            checking={checking}
            busyLabel={
              props.signingOut ? t('common.signIn.signingOut') : t('common.signIn.checking')
            }
            invalid={problem === 'rejected' || problem === 'revoked'}
            describedBy={describedBy}
            onSubmit={props.onSubmit}
          />
        )}
        <button
          type="button"
          className="button button-quiet signin-switch"
          disabled={checking}
          onClick={() => setMode(mode === 'code' ? 'token' : 'code')}
        >
          {mode === 'code' ? t('pairing.useToken') : t('pairing.useCode')}
        </button>
      </section>
    </main>
  );
}
