// Failed sign-ins: who (an address or a token's id), how many failures, and whether and until
// when it is locked out, with Clear. The hub sends no event for these, so Refresh re-reads.
import { useCallback, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { formatDateTime } from '../format.js';
import { useFetched } from '../use-fetched.js';

export function LockoutsCard({ session }: { session: HubSession }) {
  const t = useT();
  const { language } = useLanguage();
  const fetchLockouts = useCallback(
    () => session.api.listLockouts({}).then((result) => result.lockouts),
    [session],
  );
  const lockouts = useFetched(session, fetchLockouts);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = lockouts.data;

  const clear = (key: string) => {
    setBusy(key);
    setError(null);
    session.api.clearLockout({ key }).then(
      () => {
        setBusy(null);
        lockouts.setData((current) => current?.filter((item) => item.key !== key) ?? null);
      },
      (caught: unknown) => {
        setBusy(null);
        setError(t('settings.lockouts.clearFailed', { key, error: errorText(caught, t) }));
        lockouts.refresh();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="lockouts-title">
      <div className="card-head">
        <h2 id="lockouts-title">{t('settings.lockouts.title')}</h2>
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={lockouts.reload}
        >
          {t('settings.refresh')}
        </button>
      </div>
      <p className="muted">{t('settings.lockouts.intro')}</p>
      {lockouts.error && (
        <ErrorNotice
          text={t('settings.lockouts.loadFailed', { error: lockouts.error })}
          onRetry={lockouts.reload}
        />
      )}
      {error && <ErrorNotice text={error} onDismiss={() => setError(null)} />}
      {lockouts.loading && !list && <LoadingLine text={t('common.loading')} />}
      {list && list.length === 0 && <p>{t('settings.lockouts.empty')}</p>}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('settings.lockouts.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.lockouts.key')}</th>
                <th scope="col" className="num">
                  {t('settings.lockouts.failures')}
                </th>
                <th scope="col">{t('settings.lockouts.lockedUntil')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('settings.lockouts.clear')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((item) => (
                <tr key={item.key}>
                  <th scope="row" className="settings-name">
                    <code>{item.key}</code>
                  </th>
                  <td data-label={t('settings.lockouts.failures')} className="num">
                    {item.failures}
                  </td>
                  <td data-label={t('settings.lockouts.lockedUntil')}>
                    {item.lockedUntil
                      ? formatDateTime(item.lockedUntil, language)
                      : t('settings.lockouts.notLocked')}
                  </td>
                  <td className="cell-run">
                    <button
                      type="button"
                      className="button button-quiet button-small"
                      disabled={busy === item.key}
                      aria-label={t('settings.lockouts.clearLabel', { key: item.key })}
                      onClick={() => clear(item.key)}
                    >
                      {busy === item.key
                        ? t('settings.lockouts.clearing')
                        : t('settings.lockouts.clear')}
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
