// One device: who it is, how it is doing, and what the owner can do with it (approve or
// reject while pending; rename; details; remove, after confirming). Memoised: with 1,000
// devices a live update re-renders only the card whose device changed.
import { memo, useState, type ReactNode } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { StatusPill } from '../../components/StatusPill.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { formatAgo } from '../format.js';
import { formatBattery, kindName, stateName, statusTone } from './device-format.js';
import { RenameForm } from './RenameForm.js';

export type DeviceCommand = 'approve' | 'reject' | 'remove';

interface DeviceCardProps {
  session: HubSession;
  device: DeviceView;
  now: number;
  admin: boolean;
  busy: DeviceCommand | null;
  selected: boolean;
  onCommand(id: string, command: DeviceCommand): void;
  onRenamed(device: DeviceView): void;
  onSelect(id: string): void;
}

export const DeviceCard = memo(function DeviceCard({
  session,
  device,
  now,
  admin,
  busy,
  selected,
  onCommand,
  onRenamed,
  onSelect,
}: DeviceCardProps) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const titleId = `device-${device.id}-title`;
  return (
    <li
      className={`device device-${device.status}${selected ? ' device-selected' : ''}`}
      aria-labelledby={titleId}
    >
      <div className="device-head">
        <h3 id={titleId} className="device-name" title={device.name}>
          {device.name}
        </h3>
        <StatusPill tone={statusTone(device.status)}>
          {t(`devices.status.${device.status}`)}
        </StatusPill>
        <StatusPill tone={device.availability === 'online' ? 'ok' : 'idle'}>
          {t(`devices.availability.${device.availability}`)}
        </StatusPill>
      </div>
      {renaming && (
        <RenameForm
          session={session}
          device={device}
          onRenamed={onRenamed}
          onClose={() => setRenaming(false)}
        />
      )}
      <dl className="device-facts">
        <Fact label={t('devices.fact.id')} value={<code>{device.id}</code>} />
        <Fact label={t('devices.fact.kind')} value={kindName(device.kind, t)} />
        <Fact label={t('devices.fact.state')} value={stateName(device.state, t)} />
        <Fact label={t('devices.fact.battery')} value={formatBattery(device.battery)} />
        <Fact label={t('devices.fact.lastSeen')} value={formatAgo(device.lastSeen, now, t)} />
        <Fact label={t('devices.fact.address')} value={device.address ?? '—'} />
      </dl>
      <div className="device-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          aria-label={t('devices.detailsLabel', { name: device.name })}
          aria-pressed={selected}
          onClick={() => onSelect(device.id)}
        >
          {t('devices.details')}
        </button>
        {admin && device.status === 'pending' && (
          <>
            <button
              type="button"
              className="button button-primary button-small"
              disabled={busy !== null}
              aria-label={t('devices.approveLabel', { name: device.name })}
              onClick={() => onCommand(device.id, 'approve')}
            >
              {busy === 'approve' ? t('devices.approving') : t('devices.approve')}
            </button>
            <button
              type="button"
              className="button button-quiet button-small"
              disabled={busy !== null}
              aria-label={t('devices.rejectLabel', { name: device.name })}
              onClick={() => onCommand(device.id, 'reject')}
            >
              {busy === 'reject' ? t('devices.rejecting') : t('devices.reject')}
            </button>
          </>
        )}
        {admin && !renaming && (
          <button
            type="button"
            className="button button-quiet button-small"
            aria-label={t('devices.renameLabel', { name: device.name })}
            onClick={() => setRenaming(true)}
          >
            {t('devices.rename')}
          </button>
        )}
        {admin && (
          <ConfirmButton
            label={t('devices.remove')}
            question={t('devices.removeQuestion', { name: device.name })}
            confirmLabel={t('devices.remove')}
            busy={busy === 'remove'}
            onConfirm={() => onCommand(device.id, 'remove')}
          />
        )}
      </div>
    </li>
  );
});

function Fact({ label, value }: { label: string; value: ReactNode }) {
  return (
    <div className="device-fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
