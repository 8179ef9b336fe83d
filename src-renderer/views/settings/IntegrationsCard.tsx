// Integration accounts (admin): the MQTT logins of bridges such as Zigbee2MQTT and Frigate,
// each with exactly the topic rights it needs. Lists them (never a password), makes one from a
// preset or typed rights, shows the new password once with what to type into the bridge, and
// removes one after asking. The hub judges every right and says why it refuses one.
import { useCallback, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { TextWithCode } from '../../components/Code.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { formatDateTime } from '../format.js';
import { useFetched } from '../use-fetched.js';
import {
  defaultPrefixes,
  rightMode,
  type CreatedIntegration,
  type IntegrationView,
  type PresetId,
  type Prefixes,
} from './integration-presets.js';
import { MadeIntegration } from './MadeIntegration.js';
import { NewIntegrationForm } from './NewIntegrationForm.js';

export function IntegrationsCard({ session }: { session: HubSession }) {
  const t = useT();
  const fetchList = useCallback(
    () => session.api.listIntegrations({}).then((result) => result.integrations),
    [session],
  );
  const integrations = useFetched(session, fetchList);
  const fetchInfo = useCallback(() => session.api.getInfo({}), [session]);
  const info = useFetched(session, fetchInfo);
  // The presets follow the hub's prefixes, in case the owner changed them.
  const fetchPrefixes = useCallback(
    () =>
      session.api.getSettings({}).then((settings): Prefixes => ({
        homeAssistant: settings.discovery.homeAssistantPrefix,
        frigate: settings.frigate.topicPrefix,
      })),
    [session],
  );
  const prefixes = useFetched(session, fetchPrefixes).data ?? defaultPrefixes;
  const [made, setMade] = useState<{ account: CreatedIntegration; preset: PresetId } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const list = integrations.data;

  const added = (account: CreatedIntegration, preset: PresetId) => {
    setMade({ account, preset });
    // The list never holds the password: it is shown once, in MadeIntegration only.
    const view: IntegrationView = {
      id: account.id,
      name: account.name,
      username: account.username,
      rights: account.rights,
      createdAt: account.createdAt,
    };
    integrations.setData((current) => (current ? [...current, view] : [view]));
  };

  const remove = (item: IntegrationView) => {
    setBusy(item.id);
    setError(null);
    session.api.deleteIntegration({ id: item.id }).then(
      () => {
        setBusy(null);
        integrations.setData((current) => current?.filter((one) => one.id !== item.id) ?? null);
        setMade((current) => (current?.account.id === item.id ? null : current));
      },
      (caught: unknown) => {
        setBusy(null);
        setError(t('integrations.removeFailed', { name: item.name, error: errorText(caught, t) }));
        integrations.refresh();
      },
    );
  };

  return (
    <section className="card" aria-labelledby="integrations-title">
      <h2 id="integrations-title">{t('integrations.title')}</h2>
      <p className="muted">
        <TextWithCode text={t('integrations.intro')} />
      </p>
      {integrations.error && (
        <ErrorNotice
          text={t('integrations.loadFailed', { error: integrations.error })}
          onRetry={integrations.reload}
        />
      )}
      {error && <ErrorNotice text={error} onDismiss={() => setError(null)} />}
      {integrations.loading && !list && <LoadingLine text={t('common.loading')} />}
      {list && list.length === 0 && <p className="integrations-empty">{t('integrations.empty')}</p>}
      {list && list.length > 0 && <IntegrationTable list={list} busy={busy} onRemove={remove} />}
      {made && (
        <MadeIntegration
          account={made.account}
          preset={made.preset}
          info={info.data}
          onDone={() => setMade(null)}
        />
      )}
      <NewIntegrationForm session={session} prefixes={prefixes} onMade={added} />
    </section>
  );
}

interface IntegrationTableProps {
  list: IntegrationView[];
  busy: string | null;
  onRemove(item: IntegrationView): void;
}

function IntegrationTable({ list, busy, onRemove }: IntegrationTableProps) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <div className="table-scroll">
      <table className="table">
        <caption className="visually-hidden">{t('integrations.caption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('integrations.name')}</th>
            <th scope="col">{t('integrations.username')}</th>
            <th scope="col">{t('integrations.rights')}</th>
            <th scope="col">{t('integrations.created')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('integrations.remove')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {list.map((item) => (
            <tr key={item.id}>
              <th scope="row" className="settings-name" title={item.name}>
                {item.name}
              </th>
              <td data-label={t('integrations.username')}>
                <code>{item.username}</code>
              </td>
              <td data-label={t('integrations.rights')}>
                <ul className="integration-rights">
                  {item.rights.map((right, index) => (
                    <li key={index}>
                      <code>{right.filter}</code>{' '}
                      <span className="muted">{t(`integrations.mode.${rightMode(right)}`)}</span>
                    </li>
                  ))}
                </ul>
              </td>
              <td data-label={t('integrations.created')}>
                {formatDateTime(item.createdAt, language)}
              </td>
              <td className="cell-run">
                <ConfirmButton
                  label={t('integrations.remove')}
                  question={t('integrations.removeQuestion', { name: item.name })}
                  confirmLabel={t('integrations.remove')}
                  busy={busy === item.id}
                  onConfirm={() => onRemove(item)}
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
