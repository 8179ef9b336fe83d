// The tokens of paired phones and scripts and the browsers signed in: name, kind, scope, made,
// last used, and Revoke (asked first); this browser's own session is marked and offers Sign
// out. Names come from phones and browsers, so they are shown as text only. The admin token is
// listed too, but it cannot be revoked here (that would lock the owner out): it is replaced
// with reset-admin-token on the hub's computer.
import { useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { TextWithCode } from '../../components/Code.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { NameForm } from '../../components/NameForm.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { formatDateTime } from '../format.js';
import type { TokensState, TokenView } from './use-tokens.js';
import type { StringKey } from '../../i18n/catalogue/index.js';

/** The hub lists the admin token under this id (src-main/hub/auth/token-store.ts). */
const ADMIN_TOKEN_ID = 'admin';

export function TokensCard({ session, tokens }: { session: HubSession; tokens: TokensState }) {
  const t = useT();
  const { language } = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { list } = tokens;
  const paired = list?.filter((token) => token.kind === 'paired') ?? [];

  const revoke = (id: string, name: string) => {
    setBusy(id);
    setError(null);
    session.api.revokeToken({ id }).then(
      () => {
        setBusy(null);
        tokens.drop(id);
      },
      (caught: unknown) => {
        setBusy(null);
        setError(t('settings.tokens.revokeFailed', { name, error: errorText(caught, t) }));
        tokens.refresh();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="tokens-title">
      <h2 id="tokens-title">{t('settings.tokens.title')}</h2>
      <p className="muted">{t('settings.tokens.intro')}</p>
      {tokens.error && (
        <ErrorNotice
          text={t('settings.tokens.loadFailed', { error: tokens.error })}
          onRetry={tokens.reload}
        />
      )}
      {error && <ErrorNotice text={error} onDismiss={() => setError(null)} />}
      {tokens.loading && !list && <LoadingLine text={t('common.loading')} />}
      {list && paired.length === 0 && <p>{t('settings.tokens.empty')}</p>}
      {list && list.length > 0 && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('settings.tokens.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.tokens.name')}</th>
                <th scope="col">{t('sessions.kind')}</th>
                <th scope="col">{t('settings.tokens.scope')}</th>
                <th scope="col">{t('settings.tokens.created')}</th>
                <th scope="col">{t('settings.tokens.lastUsed')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('settings.tokens.revoke')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {list.map((token) => (
                <tr key={token.id}>
                  <th scope="row" className="settings-name">
                    {renaming === token.id ? (
                      <NameForm
                        id={token.id}
                        name={token.name}
                        save={(name) =>
                          session.api.renameToken({ id: token.id, name }).then(tokens.refresh)
                        }
                        onClose={() => setRenaming(null)}
                      />
                    ) : token.id === ADMIN_TOKEN_ID ? (
                      t('settings.tokens.adminName')
                    ) : (
                      token.name
                    )}
                    {token.current && token.kind === 'session' && (
                      <span className="pill pill-ok token-this">{t('sessions.thisBrowser')}</span>
                    )}
                  </th>
                  <td data-label={t('sessions.kind')}>{t(kindText(token))}</td>
                  <td data-label={t('settings.tokens.scope')}>
                    {token.scope === 'admin'
                      ? t('settings.tokens.scopeAdmin')
                      : t('settings.tokens.scopeControl')}
                  </td>
                  <td data-label={t('settings.tokens.created')}>
                    {token.createdAt ? formatDateTime(token.createdAt, language) : '—'}
                  </td>
                  <td data-label={t('settings.tokens.lastUsed')}>
                    {token.lastUsedAt
                      ? formatDateTime(token.lastUsedAt, language)
                      : t('settings.tokens.never')}
                  </td>
                  <td className="cell-run">
                    {token.id === ADMIN_TOKEN_ID ? (
                      <span className="settings-help">
                        <TextWithCode text={t('settings.tokens.adminNote')} />
                      </span>
                    ) : (
                      <>
                        <button
                          type="button"
                          className="button button-quiet button-small"
                          aria-label={t('sessions.renameLabel', { name: token.name })}
                          onClick={() => setRenaming(token.id)}
                        >
                          {t('sessions.rename')}
                        </button>
                        <ConfirmButton
                          label={t(
                            signsOutHere(token) ? 'sessions.signOutThis' : 'settings.tokens.revoke',
                          )}
                          question={
                            signsOutHere(token)
                              ? t('sessions.signOutQuestion')
                              : t('settings.tokens.revokeQuestion', { name: token.name })
                          }
                          confirmLabel={t(
                            signsOutHere(token) ? 'sessions.signOutThis' : 'settings.tokens.revoke',
                          )}
                          busy={busy === token.id}
                          onConfirm={() => revoke(token.id, token.name)}
                        />
                      </>
                    )}
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

function kindText(token: TokenView): StringKey {
  if (token.kind === 'admin') return 'sessions.kindAdmin';
  if (token.kind === 'paired') return 'sessions.kindPaired';
  return token.remember ? 'sessions.kindRemembered' : 'sessions.kindSession';
}

/** Revoking the session this browser uses signs this browser out. */
function signsOutHere(token: TokenView): boolean {
  return token.current && token.kind === 'session';
}
