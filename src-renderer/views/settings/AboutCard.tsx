// What the hub is: its name, version and when it started; for the admin also the folder it
// keeps everything in (state, history, pictures, action files), with Copy. Only an admin token
// may read that path (getDataFolder), so nobody else is shown the row.
import { useCallback } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { CopyField } from '../../components/CopyField.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatDateTime } from '../format.js';
import { useFetched } from '../use-fetched.js';

export function AboutCard({ session, admin }: { session: HubSession; admin: boolean }) {
  const t = useT();
  const { language } = useLanguage();
  const fetchInfo = useCallback(() => session.api.getInfo({}), [session]);
  const { data: info, loading, error, reload } = useFetched(session, fetchInfo);

  return (
    <section className="card" aria-labelledby="about-title">
      <h2 id="about-title">{t('settings.about.title')}</h2>
      {error && !info && (
        <ErrorNotice text={t('settings.connection.loadFailed', { error })} onRetry={reload} />
      )}
      {loading && !info && <LoadingLine text={t('common.loading')} />}
      {info && (
        <dl className="facts">
          <div className="fact">
            <dt>{t('settings.about.name')}</dt>
            <dd className="settings-name">{info.name}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.about.version')}</dt>
            <dd>{info.version}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.about.started')}</dt>
            <dd>{formatDateTime(info.startedAt, language)}</dd>
          </div>
        </dl>
      )}
      {admin && <DataFolder session={session} />}
    </section>
  );
}

function DataFolder({ session }: { session: HubSession }) {
  const t = useT();
  const fetchFolder = useCallback(() => session.api.getDataFolder({}), [session]);
  const { data: folder, error, reload } = useFetched(session, fetchFolder);
  if (error && !folder) {
    return <ErrorNotice text={t('settings.about.dataFolderFailed', { error })} onRetry={reload} />;
  }
  if (!folder) return null;
  return (
    <CopyField
      label={t('settings.about.dataFolder')}
      value={folder.path}
      className="share-field settings-folder"
    />
  );
}
