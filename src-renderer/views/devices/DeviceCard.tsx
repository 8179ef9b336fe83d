// One device: who it is, how it is doing, and what the owner can do with it (approve or
// reject while pending; rename; details; remove, after confirming). A bridged device says
// which bridge it came through, and, once its bridge withdrew it, asks the owner to confirm
// its removal. Memoised: with 1,000 devices a live update re-renders only the card whose
// device changed.
import { memo, useState, type ReactNode } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { StatusPill } from '../../components/StatusPill.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { formatAgo } from '../format.js';
import { bridgeOrigin, formatBattery, kindName, stateName, statusTone } from './device-format.js';
import { ApproveRejectButtons } from './ApproveRejectButtons.js';
import { RenameForm } from './RenameForm.js';

export type DeviceCommand = 'approve' | 'reject' | 'remove';

interface DeviceCardProps {
  session: HubSession;
  device: DeviceView;
  now: number;
  admin: boolean;
  busy: DeviceCommand | null;
  selected: boolean;
  /** Integration account names by id (admin only; empty otherwise). */
  integrationNames: ReadonlyMap<string, string>;
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
  integrationNames,
  onCommand,
  onRenamed,
  onSelect,
}: DeviceCardProps) {
  const t = useT();
  const [renaming, setRenaming] = useState(false);
  const titleId = `device-${device.id}-title`;
  const origin = bridgeOrigin(device.bridge, integrationNames, t);
  const withdrawn = device.bridge?.removalRequested === true;
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
        {withdrawn && <StatusPill tone="bad">{t('devices.bridge.withdrawn')}</StatusPill>}
      </div>
      {origin && <p className="device-origin">{origin}</p>}
      {withdrawn && <p className="device-withdrawn">{t('devices.bridge.withdrawnHelp')}</p>}
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
          <ApproveRejectButtons
            name={device.name}
            busy={busy === 'approve' || busy === 'reject' ? busy : busy === null ? null : 'other'}
            onDecide={(decision) => onCommand(device.id, decision)}
          />
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
        {admin && <RemoveButton device={device} busy={busy === 'remove'} onCommand={onCommand} />}
      </div>
    </li>
  );
});

/** Remove, asked first; "Confirm removal" once the device's bridge withdrew it. */
export function RemoveButton({
  device,
  busy,
  onCommand,
}: {
  device: DeviceView;
  busy: boolean;
  onCommand(id: string, command: DeviceCommand): void;
}) {
  const t = useT();
  return (
    <ConfirmButton
      label={
        device.bridge?.removalRequested ? t('devices.bridge.confirmRemoval') : t('devices.remove')
      }
      question={
        device.bridge
          ? t('devices.bridge.removeQuestion', { name: device.name })
          : t('devices.removeQuestion', { name: device.name })
      }
      confirmLabel={t('devices.remove')}
      busy={busy}
      onConfirm={() => onCommand(device.id, 'remove')}
    />
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
