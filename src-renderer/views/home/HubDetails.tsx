// What this hub is (name, version, broker, uptime, clients) and where it listens.
import type { HubInfo, HubStatus } from '../../../src-main/shared/hub-api.js';
import { useNow } from '../../hooks/use-now.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import {
  formatBroker,
  formatBrokerConnection,
  formatDateTime,
  formatDuration,
  formatPort,
} from '../format.js';

interface HubDetailsProps {
  info: HubInfo;
  status: HubStatus | null;
  /** When `status` was fetched (Date.now()), to keep the uptime ticking between fetches. */
  statusFetchedAt: number;
  /** Tick the uptime every second (off while the hub cannot be reached). */
  live: boolean;
}

export function HubDetails({ info, status, statusFetchedAt, live }: HubDetailsProps) {
  const t = useT();
  const { language } = useLanguage();
  // Its own clock: only these two cards redraw every second, not the locks.
  const now = useNow(1_000, live && status !== null);
  const uptime = status ? status.uptimeSeconds + Math.max(0, now - statusFetchedAt) / 1_000 : null;
  return (
    <>
      <section className="card" aria-labelledby="hub-card-title">
        <h2 id="hub-card-title" className="truncate" title={info.name}>
          {info.name}
        </h2>
        <dl className="facts">
          <Fact label={t('home.hub.version')} value={info.version} />
          <Fact label={t('home.hub.broker')} value={formatBroker(info.broker, t)} />
          {info.broker !== 'embedded' && (
            <Fact
              label={t('home.hub.brokerConnection')}
              value={formatBrokerConnection(
                status?.broker.connection ?? info.brokerConnection,
                t,
                language,
              )}
            />
          )}
          <Fact label={t('home.hub.started')} value={formatDateTime(info.startedAt, language)} />
          <Fact
            label={t('home.hub.uptime')}
            value={uptime === null ? '—' : formatDuration(uptime, t)}
          />
          <Fact
            label={t('home.hub.clients')}
            value={status ? String(status.broker.connectedClients) : '—'}
          />
        </dl>
      </section>
      <section className="card" aria-labelledby="ports-card-title">
        <h2 id="ports-card-title">{t('home.hub.ports')}</h2>
        <dl className="facts">
          <Fact label="MQTT" value={formatPort(info.ports.mqtt, t)} />
          <Fact label={t('home.hub.mqtts')} value={formatPort(info.ports.mqtts, t)} />
          <Fact label={t('home.hub.ws')} value={formatPort(info.ports.ws, t)} />
          <Fact label={t('home.hub.http')} value={formatPort(info.ports.http, t)} />
          {info.tlsFingerprint && <Fact label={t('home.hub.tls')} value={info.tlsFingerprint} />}
        </dl>
      </section>
    </>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
