// Devices: the joining window, search and filters, then the devices (pending first) a page at
// a time, with approve, reject, rename, details and remove; kept live by device_* and
// availability events. With 1,000 devices only the first pages are rendered, and typing in
// the search box stays responsive (the filtering is deferred behind the keystroke).
import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useNow } from '../../hooks/use-now.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { errorText } from '../error-text.js';
import { useTokenScope } from '../use-token-scope.js';
import { findView } from '../view-catalogue.js';
import { DeviceDetail } from './DeviceDetail.js';
import { DeviceList } from './DeviceList.js';
import { DeviceToolbar } from './DeviceToolbar.js';
import type { DeviceCommand } from './DeviceCard.js';
import { filterDevices, isFiltered, noFilter, type DeviceFilter } from './device-filter.js';
import { PermitJoinControl } from './PermitJoinControl.js';
import { useDevices } from './use-devices.js';
import { useIntegrationNames } from './use-integration-names.js';
import { usePermitJoin } from './use-permit-join.js';
import './devices.css';

export function DevicesView({ session }: { session: HubSession }) {
  const t = useT();
  const state = useDevices(session);
  const admin = useTokenScope(session) === 'admin';
  const permit = usePermitJoin(session, admin);
  const now = useNow(15_000);
  const [busy, setBusy] = useState<{ id: string; command: DeviceCommand } | null>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const [filter, setFilter] = useState<DeviceFilter>(noFilter);
  const [selectedId, setSelectedId] = useState<string | null>(null);
  const deferredFilter = useDeferredValue(filter);
  const { devices, upsert, drop, reload } = state;
  const empty = findView('devices')?.empty;

  const shown = useMemo(
    () => (devices ? filterDevices(devices, deferredFilter) : null),
    [devices, deferredFilter],
  );
  const selected = selectedId ? devices?.find((device) => device.id === selectedId) : undefined;
  // The integrations bridged devices came through, so their cards can name them.
  const integrationIds = useMemo(
    () =>
      [...new Set(devices?.map((device) => device.bridge?.integrationId ?? '') ?? [])]
        .filter(Boolean)
        .sort()
        .join(','),
    [devices],
  );
  const integrationNames = useIntegrationNames(
    session,
    admin && integrationIds !== '',
    integrationIds,
  );

  // The cards' callbacks stay the same function across live updates (see DeviceCard's memo),
  // so they read the latest list and reload through a ref.
  const latest = useRef({ devices, reload });
  useEffect(() => {
    latest.current = { devices, reload };
  });
  const run = useCallback(
    (id: string, command: DeviceCommand) => {
      const name = latest.current.devices?.find((device) => device.id === id)?.name ?? id;
      setBusy({ id, command });
      setCommandError(null);
      const call: Promise<unknown> =
        command === 'approve'
          ? session.api.approveDevice({ id }).then(upsert)
          : command === 'reject'
            ? session.api.rejectDevice({ id }).then(upsert)
            : session.api.removeDevice({ id }).then(() => drop(id));
      call.then(
        () => setBusy(null),
        (error: unknown) => {
          setBusy(null);
          setCommandError(
            t(`devices.commandFailed.${command}`, { name, error: errorText(error, t) }),
          );
          latest.current.reload();
        },
      );
    },
    [session, upsert, drop, t],
  );
  const select = useCallback(
    (id: string) => setSelectedId((current) => (current === id ? null : id)),
    [],
  );
  const renamed = useCallback((device: DeviceView) => upsert(device), [upsert]);

  return (
    <>
      <h1 tabIndex={-1}>{t('devices.title')}</h1>
      {state.error && (
        <ErrorNotice text={t('devices.loadFailed', { error: state.error })} onRetry={reload} />
      )}
      {commandError && <ErrorNotice text={commandError} onDismiss={() => setCommandError(null)} />}
      <div className="stack">
        {admin && <PermitJoinControl permit={permit} />}
        {state.loading && !devices && <LoadingLine text={t('devices.loading')} />}
        {devices && devices.length === 0 && empty && <EmptyStateCard empty={empty} />}
        {devices && devices.length > 0 && shown && (
          <>
            <DeviceToolbar filter={filter} onChange={setFilter} />
            {selectedId && !selected && (
              <div className="notice" role="status">
                <span>{t('devices.detail.gone')}</span>
                <button
                  type="button"
                  className="button button-quiet button-small"
                  onClick={() => setSelectedId(null)}
                >
                  {t('common.close')}
                </button>
              </div>
            )}
            {selected && (
              <DeviceDetail
                session={session}
                device={selected}
                now={now}
                admin={admin}
                busy={busy?.id === selected.id ? busy.command : null}
                integrationNames={integrationNames}
                onCommand={run}
                onClose={() => setSelectedId(null)}
              />
            )}
            <section aria-labelledby="device-list-title">
              <h2 id="device-list-title" aria-live="polite">
                {isFiltered(deferredFilter)
                  ? t('devices.count', { shown: shown.length, total: devices.length })
                  : devices.length === 1
                    ? t('devices.countOne')
                    : t('devices.countAll', { total: devices.length })}
              </h2>
              {shown.length === 0 ? (
                <div className="notice">
                  <span>{t('devices.noMatch')}</span>
                  <button
                    type="button"
                    className="button button-quiet"
                    onClick={() => setFilter(noFilter)}
                  >
                    {t('devices.clearFilters')}
                  </button>
                </div>
              ) : (
                <DeviceList
                  session={session}
                  devices={shown}
                  resetKey={JSON.stringify(deferredFilter)}
                  now={now}
                  admin={admin}
                  busy={busy}
                  selectedId={selectedId}
                  integrationNames={integrationNames}
                  onCommand={run}
                  onRenamed={renamed}
                  onSelect={select}
                />
              )}
            </section>
          </>
        )}
      </div>
    </>
  );
}
