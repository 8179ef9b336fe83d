// A signed-in browser or phone away from the hub (not on the home Wi-Fi, the PC off): what is
// wrong and a retry, instead of a sign-in form or a browser error page. The sign-in is kept and
// tried again by itself.
import { useT } from '../i18n/LanguageProvider.js';

export function CannotReach({ onRetry, onSignOut }: { onRetry(): void; onSignOut(): void }) {
  const t = useT();
  return (
    <main className="signin">
      <section className="signin-card" aria-labelledby="away-title">
        <img className="signin-logo" src="./favicon.svg" alt="" width="56" height="56" />
        <h1 id="away-title">{t('sessions.away.title')}</h1>
        <p className="muted" role="status">
          {t('sessions.away.text')}
        </p>
        <button type="button" className="button button-primary signin-wide" onClick={onRetry}>
          {t('sessions.away.retry')}
        </button>
        <button type="button" className="button button-quiet signin-switch" onClick={onSignOut}>
          {t('sessions.away.forget')}
        </button>
      </section>
    </main>
  );
}
