// "Pair a phone": what the phone does, a button for a one-time code, the code as a QR code and
// as text, and a live countdown to its expiry. While a code is live the token list is polled,
// so the card can say when the phone has paired.
import { useEffect, useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { QrCode } from './QrCode.js';
import { usePairingCode } from './use-pairing-code.js';
import type { TokensState } from './use-tokens.js';

const POLL_MS = 2_000;

export function PairPhoneCard({ session, tokens }: { session: HubSession; tokens: TokensState }) {
  const t = useT();
  const pairing = usePairingCode(session, t);
  const [paired, setPaired] = useState<string | null>(null);
  const knownIds = useRef<Set<string> | null>(null);
  const live = pairing.code !== null && !pairing.expired;
  const { list, refresh } = tokens;

  // Remember which tokens existed when the code was made; a new one means the phone paired.
  useEffect(() => {
    if (!live) {
      knownIds.current = null;
      return;
    }
    const timer = setInterval(refresh, POLL_MS);
    return () => clearInterval(timer);
  }, [live, refresh]);
  useEffect(() => {
    if (!live || !list) return;
    if (!knownIds.current) {
      knownIds.current = new Set(list.map((token) => token.id));
      return;
    }
    // Only a paired token: a browser signing in meanwhile is not the phone.
    const added = list.find((token) => token.kind === 'paired' && !knownIds.current!.has(token.id));
    if (added) {
      setPaired(added.name);
      pairing.clear();
    }
  }, [live, list, pairing]);

  const make = () => {
    setPaired(null);
    knownIds.current = list ? new Set(list.map((token) => token.id)) : null;
    pairing.make();
  };
  const minutes = Math.floor(pairing.secondsLeft / 60);
  const seconds = String(pairing.secondsLeft % 60).padStart(2, '0');

  return (
    <section className="card" aria-labelledby="pair-title">
      <h2 id="pair-title">{t('settings.pair.title')}</h2>
      <p className="muted">{t('pairing.intro')}</p>
      {pairing.error && <ErrorNotice text={t('settings.pair.failed', { error: pairing.error })} />}
      {paired && (
        <p className="settings-ok" role="status">
          {t('settings.pair.paired', { name: paired })}
        </p>
      )}
      {pairing.code && live && (
        <div className="pairing">
          <QrCode text={pairing.code.pairingUrl} label={t('settings.pair.qrLabel')} />
          <div className="pairing-text">
            <p>{t('pairing.typeAt', { address: typingAddress(pairing.code.pairingUrl) })}</p>
            <p className="pairing-code" data-testid="pairing-code">
              {pairing.code.code}
            </p>
            <p role="timer" aria-live="off">
              {t('settings.pair.expiresIn')}{' '}
              <strong
                className="pairing-countdown"
                aria-label={t('settings.pair.secondsLeft', { seconds: pairing.secondsLeft })}
              >
                {minutes}:{seconds}
              </strong>
            </p>
          </div>
        </div>
      )}
      {pairing.expired && (
        <p className="settings-bad" role="status">
          {t('settings.pair.expired')}
        </p>
      )}
      <div className="settings-actions">
        <button
          type="button"
          className={live ? 'button button-quiet' : 'button button-primary'}
          disabled={pairing.busy}
          onClick={make}
        >
          {pairing.busy
            ? t('settings.pair.making')
            : pairing.code
              ? t('settings.pair.again')
              : t('settings.pair.make')}
        </button>
      </div>
    </section>
  );
}

/** The pairing address without its code, short enough to type on a phone. */
function typingAddress(pairingUrl: string): string {
  return pairingUrl.replace(/#.*$/, '');
}
