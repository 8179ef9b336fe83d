// Devices: the joining window, then every device (pending first) with approve, reject and
// remove; kept live by device_* and availability events.
import { useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useNow } from '../../hooks/use-now.js';
import { EmptyStateCard } from '../EmptyStateCard.js';
import { errorText } from '../error-text.js';
import { useTokenScope } from '../use-token-scope.js';
import { findView } from '../view-catalogue.js';
import { DeviceCard, type DeviceCommand } from './DeviceCard.js';
import { PermitJoinControl } from './PermitJoinControl.js';
import { useDevices } from './use-devices.js';
import { usePermitJoin } from './use-permit-join.js';

export function DevicesView({ session }: { session: HubSession }) {
  const state = useDevices(session);
  const admin = useTokenScope(session) === 'admin';
  const permit = usePermitJoin(session, admin);
  const now = useNow(15_000);
  const [busy, setBusy] = useState<{ id: string; command: DeviceCommand } | null>(null);
  const [commandError, setCommandError] = useState<string | null>(null);
  const { devices } = state;
  const empty = findView('devices')?.empty;

  const run = (id: string, name: string, command: DeviceCommand) => {
    setBusy({ id, command });
    setCommandError(null);
    const call =
      command === 'approve'
        ? session.api.approveDevice({ id }).then(state.upsert)
        : command === 'reject'
          ? session.api.rejectDevice({ id }).then(state.upsert)
          : session.api.removeDevice({ id }).then(() => state.drop(id));
    call.then(
      () => setBusy(null),
      (error: unknown) => {
        setBusy(null);
        setCommandError(`Could not ${command} ${name}: ${errorText(error)}`);
        state.reload();
      },
    );
  };

  return (
    <>
      <h1 tabIndex={-1}>Devices</h1>
      {state.error && (
        <ErrorNotice text={`Could not load the devices: ${state.error}`} onRetry={state.reload} />
      )}
      {commandError && <ErrorNotice text={commandError} onDismiss={() => setCommandError(null)} />}
      <div className="stack">
        {admin && <PermitJoinControl permit={permit} />}
        {state.loading && !devices && <LoadingLine text="Loading devices…" />}
        {devices && devices.length === 0 && empty && <EmptyStateCard empty={empty} />}
        {devices && devices.length > 0 && (
          <section aria-labelledby="device-list-title">
            <h2 id="device-list-title">
              {devices.length} {devices.length === 1 ? 'device' : 'devices'}
            </h2>
            <ul className="devices">
              {devices.map((device) => (
                <DeviceCard
                  key={device.id}
                  device={device}
                  now={now}
                  admin={admin}
                  busy={busy?.id === device.id ? busy.command : null}
                  onCommand={(command) => run(device.id, device.name, command)}
                />
              ))}
            </ul>
          </section>
        )}
      </div>
    </>
  );
}
