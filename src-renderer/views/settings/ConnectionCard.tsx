// Ports and addresses (read-only: they are chosen when the hub starts, so each row names the
// start option that changes it) and the TLS certificate's fingerprint.
import { useCallback } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useT } from '../../i18n/LanguageProvider.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { useFetched } from '../use-fetched.js';

type PortName = 'mqtt' | 'mqtts' | 'ws' | 'http';

const portRows: { port: PortName; label: StringKey; option: string }[] = [
  { port: 'mqtt', label: 'settings.connection.mqtt', option: '--mqtt-port' },
  { port: 'mqtts', label: 'settings.connection.mqtts', option: '--mqtts-port' },
  { port: 'ws', label: 'settings.connection.ws', option: '--ws-port' },
  { port: 'http', label: 'settings.connection.http', option: '--http-port' },
];

export function ConnectionCard({ session }: { session: HubSession }) {
  const t = useT();
  const fetchInfo = useCallback(() => session.api.getInfo({}), [session]);
  const { data: info, loading, error, reload } = useFetched(session, fetchInfo);

  return (
    <section className="card" aria-labelledby="connection-title">
      <h2 id="connection-title">{t('settings.connection.title')}</h2>
      <p className="muted">{t('settings.connection.intro')}</p>
      {error && (
        <ErrorNotice text={t('settings.connection.loadFailed', { error })} onRetry={reload} />
      )}
      {loading && !info && <LoadingLine text={t('common.loading')} />}
      {info && (
        <div className="table-scroll">
          <table className="table">
            <caption className="visually-hidden">{t('settings.connection.caption')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('settings.connection.what')}</th>
                <th scope="col">{t('settings.connection.value')}</th>
                <th scope="col">{t('settings.connection.option')}</th>
              </tr>
            </thead>
            <tbody>
              {session.mode === 'browser' && (
                <tr>
                  <th scope="row">{t('settings.connection.panel')}</th>
                  <td>
                    <code>{window.location.origin}</code>
                  </td>
                  <td>
                    <code>--host</code>
                  </td>
                </tr>
              )}
              {portRows.map((row) => (
                <tr key={row.port}>
                  <th scope="row">{t(row.label)}</th>
                  <td data-label={t('settings.connection.value')}>
                    {info.ports[row.port] ?? t('settings.connection.off')}
                  </td>
                  <td data-label={t('settings.connection.option')}>
                    <code>{row.option}</code>
                  </td>
                </tr>
              ))}
              <tr>
                <th scope="row">{t('settings.connection.broker')}</th>
                <td data-label={t('settings.connection.value')}>
                  {info.broker === 'embedded' ? (
                    t('settings.connection.embedded')
                  ) : (
                    <code>{info.broker}</code>
                  )}
                </td>
                <td data-label={t('settings.connection.option')}>
                  <code>--broker-url</code>
                </td>
              </tr>
            </tbody>
          </table>
        </div>
      )}
      {info?.tlsFingerprint && (
        <p>
          {t('settings.connection.fingerprint')}:{' '}
          <code className="hash">{info.tlsFingerprint}</code>
        </p>
      )}
    </section>
  );
}
