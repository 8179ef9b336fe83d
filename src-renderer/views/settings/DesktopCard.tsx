// Desktop-only choices, shown only in the Electron window (window.hub exists): start at login,
// start in the tray, keep the computer awake, and which notifications to show. They are hub
// settings (section `desktop`), saved like the others; the desktop app applies them at once.
import { useCallback } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useFetched } from '../use-fetched.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { SettingsGroupForm } from './SettingsGroupForm.js';
import { desktopGroup } from './settings-fields.js';

export function DesktopCard({ session }: { session: HubSession }) {
  const t = useT();
  const fetchSettings = useCallback(() => session.api.getSettings({}), [session]);
  const { data: settings, setData, loading, error, reload } = useFetched(session, fetchSettings);
  if (error && !settings) {
    return <ErrorNotice text={t('settings.form.loadFailed', { error })} onRetry={reload} />;
  }
  if (loading && !settings) return <LoadingLine text={t('settings.form.loading')} />;
  if (!settings) return null;
  return (
    <SettingsGroupForm
      session={session}
      group={desktopGroup}
      settings={settings}
      onSaved={setData}
    />
  );
}
