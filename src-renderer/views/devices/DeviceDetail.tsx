// A device's detail, beside the list: every fact the hub knows (for a bridged device, which
// bridge it came through, and whether that bridge withdrew it) and its recent history (the
// activity it caused and, for a lock, its lock commands). Kept live: the device comes from
// the live list, and the history is re-read when the device reports something new.
import { useEffect, useRef } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { LoadingLine } from '../../components/LoadingLine.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatAgo, formatDateTime } from '../format.js';
import { StatusPill } from '../../components/StatusPill.js';
import { RemoveButton, type DeviceCommand } from './DeviceCard.js';
import { bridgeOrigin, formatBattery, kindName, stateName } from './device-format.js';
import { commandText, entryWhoText, resultText } from '../home/lock-words.js';
import { activityText } from '../hub-text/hub-text.js';
import { useDeviceHistory } from './use-device-history.js';

interface DeviceDetailProps {
  session: HubSession;
  device: DeviceView;
  now: number;
  admin: boolean;
  busy: DeviceCommand | null;
  integrationNames: ReadonlyMap<string, string>;
  onCommand(id: string, command: DeviceCommand): void;
  onClose(): void;
}

export function DeviceDetail({
  session,
  device,
  now,
  admin,
  busy,
  integrationNames,
  onCommand,
  onClose,
}: DeviceDetailProps) {
  const t = useT();
  const { language } = useLanguage();
  const heading = useRef<HTMLHeadingElement>(null);
  const changeKey = `${device.status}|${device.name}|${device.state}|${device.stateAt}`;
  const { history, error } = useDeviceHistory(
    session,
    device.id,
    device.kind === 'lock',
    changeKey,
  );

  // Focus moves to the panel so keyboard and screen-reader users land on what they opened.
  useEffect(() => heading.current?.focus(), [device.id]);

  const facts: [string, string][] = [
    [t('devices.fact.id'), device.id],
    [t('devices.fact.kind'), kindName(device.kind, t)],
    [t('devices.fact.state'), stateName(device.state, t)],
    [t('devices.fact.stateAt'), device.stateAt ? formatDateTime(device.stateAt, language) : '—'],
    [t('devices.fact.battery'), formatBattery(device.battery)],
    [t('devices.fact.lastSeen'), formatAgo(device.lastSeen, now, t)],
    [t('devices.fact.address'), device.address ?? '—'],
    [t('devices.fact.joined'), formatDateTime(device.joinedAt, language)],
  ];
  const origin = bridgeOrigin(device.bridge, integrationNames, t);
  if (origin) facts.splice(2, 0, [t('devices.fact.origin'), origin]);

  return (
    <section className="card device-detail" aria-labelledby="device-detail-title">
      <div className="card-head">
        <h2 id="device-detail-title" ref={heading} tabIndex={-1} className="device-name">
          {device.name}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onClose}>
          {t('common.close')}
        </button>
      </div>
      {device.bridge?.removalRequested && (
        <div className="device-withdrawn-notice">
          <StatusPill tone="bad">{t('devices.bridge.withdrawn')}</StatusPill>
          <span>{t('devices.bridge.withdrawnHelp')}</span>
          {admin && <RemoveButton device={device} busy={busy === 'remove'} onCommand={onCommand} />}
        </div>
      )}
      <dl className="facts">
        {facts.map(([label, value]) => (
          <div key={label} className="fact">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {error && <ErrorNotice text={t('devices.detail.loadFailed', { error })} />}
      {!history && !error && <LoadingLine text={t('common.loading')} />}
      {history && (
        <>
          <h3>{t('devices.detail.activity')}</h3>
          {history.activity.length === 0 ? (
            <p className="muted">{t('devices.detail.noActivity')}</p>
          ) : (
            <ol className="device-history">
              {history.activity.map((entry) => (
                <li key={entry.seq}>
                  <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                  <span>{activityText(entry, { t, language })}</span>
                </li>
              ))}
            </ol>
          )}
          {history.audit && (
            <>
              <h3>{t('devices.detail.audit')}</h3>
              {history.audit.length === 0 ? (
                <p className="muted">{t('devices.detail.noAudit')}</p>
              ) : (
                <ol className="device-history">
                  {history.audit.map((entry) => (
                    <li key={entry.seq}>
                      <time dateTime={entry.at}>{formatDateTime(entry.at, language)}</time>
                      <span>
                        {t('devices.detail.auditEntry', {
                          command: commandText(entry.command, t),
                          actor: entryWhoText(entry.by, entry.actor, t),
                          result:
                            entry.result === 'ok'
                              ? t('devices.detail.auditOk')
                              : resultText(entry.result, t),
                        })}
                      </span>
                    </li>
                  ))}
                </ol>
              )}
            </>
          )}
        </>
      )}
    </section>
  );
}
