// Devices waiting for the owner's approval, on Home where they cannot be missed: each with
// whether it is connected, and Approve / Reject for an admin. Nothing shows when none wait.
import { useState } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { StatusPill } from '../../components/StatusPill.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { ApproveRejectButtons, type Decision } from '../devices/ApproveRejectButtons.js';
import { kindName } from '../devices/device-format.js';
import { errorText } from '../error-text.js';

interface WaitingDevicesCardProps {
  session: HubSession;
  devices: DeviceView[];
  admin: boolean;
}

export function WaitingDevicesCard({ session, devices, admin }: WaitingDevicesCardProps) {
  const t = useT();
  const [busy, setBusy] = useState<{ id: string; decision: Decision } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const waiting = devices.filter((device) => device.status === 'pending');
  if (waiting.length === 0) return null;

  const decide = (device: DeviceView, decision: Decision) => {
    setBusy({ id: device.id, decision });
    setError(null);
    const call =
      decision === 'approve'
        ? session.api.approveDevice({ id: device.id })
        : session.api.rejectDevice({ id: device.id });
    call.then(
      () => setBusy(null),
      (caught: unknown) => {
        setBusy(null);
        setError(t('home.waiting.failed', { name: device.name, error: errorText(caught, t) }));
      },
    );
  };

  return (
    <section className="card waiting-card" aria-labelledby="waiting-title">
      <h2 id="waiting-title">{t('home.waiting.title', { count: waiting.length })}</h2>
      {error && <ErrorNotice text={error} onDismiss={() => setError(null)} />}
      <ul className="item-list">
        {waiting.map((device) => (
          <li key={device.id} className="item" aria-label={device.name}>
            <div className="item-main">
              <span className="item-title">{device.name}</span>
              <StatusPill tone={device.availability === 'online' ? 'ok' : 'idle'}>
                {t(`devices.availability.${device.availability}`)}
              </StatusPill>
              <p className="item-note">
                {kindName(device.kind, t)} · <code>{device.id}</code>
                {device.address ? ` · ${device.address}` : ''}
              </p>
            </div>
            {admin && (
              <div className="item-actions">
                <ApproveRejectButtons
                  name={device.name}
                  busy={busy === null ? null : busy.id === device.id ? busy.decision : 'other'}
                  onDecide={(decision) => decide(device, decision)}
                />
              </div>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
