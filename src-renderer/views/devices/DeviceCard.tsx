// One device: who it is, how it is doing, and what the owner can do with it (approve or
// reject while pending; remove, after confirming).
import type { ReactNode } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { StatusPill } from '../../components/StatusPill.js';
import { formatAgo, formatBattery, statusTone } from './device-format.js';

export type DeviceCommand = 'approve' | 'reject' | 'remove';

interface DeviceCardProps {
  device: DeviceView;
  now: number;
  admin: boolean;
  busy: DeviceCommand | null;
  onCommand(command: DeviceCommand): void;
}

export function DeviceCard({ device, now, admin, busy, onCommand }: DeviceCardProps) {
  const titleId = `device-${device.id}-title`;
  return (
    <li className={`device device-${device.status}`} aria-labelledby={titleId}>
      <div className="device-head">
        <h3 id={titleId} className="device-name">
          {device.name}
        </h3>
        <StatusPill tone={statusTone(device.status)}>{device.status}</StatusPill>
        <StatusPill tone={device.availability === 'online' ? 'ok' : 'idle'}>
          {device.availability}
        </StatusPill>
      </div>
      <dl className="device-facts">
        <Fact label="Id" value={<code>{device.id}</code>} />
        <Fact label="Kind" value={device.kind} />
        <Fact label="State" value={device.state} />
        <Fact label="Battery" value={formatBattery(device.battery)} />
        <Fact label="Last seen" value={formatAgo(device.lastSeen, now)} />
        <Fact label="Address" value={device.address ?? '—'} />
      </dl>
      {admin && (
        <div className="device-actions">
          {device.status === 'pending' && (
            <>
              <button
                type="button"
                className="button button-primary button-small"
                disabled={busy !== null}
                aria-label={`Approve ${device.name}`}
                onClick={() => onCommand('approve')}
              >
                {busy === 'approve' ? 'Approving…' : 'Approve'}
              </button>
              <button
                type="button"
                className="button button-quiet button-small"
                disabled={busy !== null}
                aria-label={`Reject ${device.name}`}
                onClick={() => onCommand('reject')}
              >
                {busy === 'reject' ? 'Rejecting…' : 'Reject'}
              </button>
            </>
          )}
          <ConfirmButton
            label="Remove"
            question={`Remove ${device.name}? It is disconnected and must join again.`}
            confirmLabel="Remove"
            busy={busy === 'remove'}
            onConfirm={() => onCommand('remove')}
          />
        </div>
      )}
    </li>
  );
}

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="device-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
