// The hub's settings (admin): read once, then one form per group, each saved on its own. The
// desktop window's own choices are the same kind of form (DesktopCard passes its one group).
import { useCallback } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { useFetched } from '../use-fetched.js';
import { SettingsGroupForm } from './SettingsGroupForm.js';
import { settingsGroups, type GroupDef } from './settings-fields.js';

export function HubSettingsCards({
  session,
  groups = settingsGroups,
}: {
  session: HubSession;
  groups?: GroupDef[];
}) {
  const t = useT();
  const fetchSettings = useCallback(() => session.api.getSettings({}), [session]);
  const { data: settings, setData, loading, error, reload } = useFetched(session, fetchSettings);

  if (error && !settings) {
    return <ErrorNotice text={t('settings.form.loadFailed', { error })} onRetry={reload} />;
  }
  if (loading && !settings) return <LoadingLine text={t('settings.form.loading')} />;
  if (!settings) return null;
  return (
    <>
      {groups.map((group) => (
        <SettingsGroupForm
          key={group.id}
          session={session}
          group={group}
          settings={settings}
          onSaved={setData}
        />
      ))}
    </>
  );
}
