// Settings, everyday things first: appearance for everyone; for the admin, pairing a phone and
// its tokens, the door warning, how long pictures and history are kept, the desktop app's
// choices (only in the Electron window) and what the hub is (with its data folder). What is set
// up once is folded under "Advanced", closed until opened (as Home Assistant keeps its advanced
// options out of the way): security, joining, integrations, limits, HTTP access, failed
// sign-ins, ports and backups. The hub's settings are one form with one save bar. A control
// token is told plainly what it cannot change here.
import { useMemo } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { useTokenScope } from '../use-token-scope.js';
import { AboutCard } from './AboutCard.js';
import { AdvancedFold } from './AdvancedFold.js';
import { AlertsCard } from './AlertsCard.js';
import { AppearanceCard } from './AppearanceCard.js';
import { ConnectionCard } from './ConnectionCard.js';
import { DesktopCard } from './DesktopCard.js';
import { IntegrationsCard } from './IntegrationsCard.js';
import { LockoutsCard } from './LockoutsCard.js';
import { PairPhoneCard } from './PairPhoneCard.js';
import { SaveBar } from './SaveBar.js';
import { SettingsGroup } from './SettingsGroup.js';
import { StateTransferCard } from './StateTransferCard.js';
import { TokensCard } from './TokensCard.js';
import { advancedGroups, allGroups, everydayGroups, fieldId } from './settings-fields.js';
import { useSettingsForm, type SettingsForm } from './use-settings-form.js';
import { useTokens } from './use-tokens.js';
import './settings.css';
import './settings-form.css';

export function SettingsView({ session }: { session: HubSession }) {
  const t = useT();
  const scope = useTokenScope(session);
  return (
    <>
      <h1 tabIndex={-1}>{t('settings.title')}</h1>
      <div className="stack settings">
        {scope === 'unknown' && <LoadingLine text={t('settings.checkingScope')} />}
        {scope === 'admin' ? (
          <AdminSettings session={session} />
        ) : (
          <>
            {scope === 'control' && (
              <p className="notice" role="note">
                {t('settings.adminOnly')}
              </p>
            )}
            <AppearanceCard />
            <AlertsCard />
            <AboutCard session={session} admin={false} />
            <AdvancedFold summary={t('settings.advanced.summaryControl')}>
              <ConnectionCard session={session} />
            </AdvancedFold>
          </>
        )}
      </div>
    </>
  );
}

const advancedFieldIds = new Set(
  Object.values(advancedGroups).flatMap((group) => group.fields.map(fieldId)),
);

function AdminSettings({ session }: { session: HubSession }) {
  const t = useT();
  const desktop = Boolean(window.hub);
  const fields = useMemo(() => allGroups(desktop).flatMap((group) => group.fields), [desktop]);
  const form = useSettingsForm(session, fields);
  const tokens = useTokens(session);
  const unsavedInFold = form.changed.filter((def) => advancedFieldIds.has(fieldId(def))).length;
  const groups = advancedGroups;
  return (
    <>
      <AppearanceCard />
      <AlertsCard />
      <PairPhoneCard session={session} tokens={tokens} />
      <TokensCard session={session} tokens={tokens} />
      <FormLoading form={form} />
      {everydayGroups.map((group) => (
        <SettingsGroup key={group.id} group={group} form={form} />
      ))}
      {desktop && <DesktopCard form={form} />}
      <AboutCard session={session} admin />
      <AdvancedFold summary={t('settings.advanced.summary')} unsaved={unsavedInFold}>
        <SettingsGroup group={groups.security} form={form} />
        <SettingsGroup group={groups.joining} form={form} />
        <IntegrationsCard session={session} />
        <SettingsGroup group={groups.haDiscovery} form={form} />
        <SettingsGroup group={groups.frigate} form={form} />
        <SettingsGroup group={groups.notify} form={form} />
        <SettingsGroup group={groups.pictures} form={form} />
        <SettingsGroup group={groups.actionLimits} form={form} />
        <SettingsGroup group={groups.broker} form={form} />
        <SettingsGroup group={groups.http} form={form} />
        <LockoutsCard session={session} />
        <ConnectionCard session={session} />
        <StateTransferCard session={session} onImported={form.refresh} />
      </AdvancedFold>
      <SaveBar form={form} />
    </>
  );
}

/** The hub's settings are read once for every group: one loading line, one error. */
function FormLoading({ form }: { form: SettingsForm }) {
  const t = useT();
  if (form.loadError && !form.settings) {
    return (
      <ErrorNotice
        text={t('settings.form.loadFailed', { error: form.loadError })}
        onRetry={form.reload}
      />
    );
  }
  if (form.loading && !form.settings) return <LoadingLine text={t('settings.form.loading')} />;
  return null;
}
