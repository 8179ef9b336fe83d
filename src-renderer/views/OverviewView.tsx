// Overview: what this hub is (name, version, ports, broker), how it is doing (uptime, clients)
// and what needs attention (warnings).
import type { HubSession } from '../api/hub-session.js';
import { useConnectionStatus } from '../hooks/use-connection-status.js';
import { useHubOverview } from '../hooks/use-hub-overview.js';
import { useNow } from '../hooks/use-now.js';
import { formatBroker, formatDateTime, formatDuration, formatPort } from './format.js';
import { WarningsCard } from './WarningsCard.js';

export function OverviewView({ session }: { session: HubSession }) {
  const overview = useHubOverview(session);
  const connected = useConnectionStatus(session.connection) === 'connected';
  const now = useNow(1_000, connected && overview.status !== null);
  const { info, status } = overview;

  if (overview.loading && !info) {
    return (
      <>
        <h1 tabIndex={-1}>Overview</h1>
        <p className="loading" role="status">
          <span className="spinner" aria-hidden="true" />
          Loading hub information…
        </p>
      </>
    );
  }

  const uptime = status
    ? status.uptimeSeconds + Math.max(0, now - overview.statusFetchedAt) / 1_000
    : null;

  return (
    <>
      <h1 tabIndex={-1}>Overview</h1>
      {overview.error && (
        <div className="notice notice-error" role="alert">
          <span>Could not load the hub’s details: {overview.error}</span>
          <button type="button" className="button button-quiet" onClick={overview.reload}>
            Try again
          </button>
        </div>
      )}
      <div className="cards">
        {info && (
          <section className="card" aria-labelledby="hub-card-title">
            <h2 id="hub-card-title">{info.name}</h2>
            <dl className="facts">
              <Fact label="Version" value={info.version} />
              <Fact label="Broker" value={formatBroker(info.broker)} />
              <Fact label="Started" value={formatDateTime(info.startedAt)} />
              <Fact label="Uptime" value={uptime === null ? '—' : formatDuration(uptime)} />
              <Fact
                label="Connected MQTT clients"
                value={status ? String(status.broker.connectedClients) : '—'}
              />
            </dl>
          </section>
        )}
        {info && (
          <section className="card" aria-labelledby="ports-card-title">
            <h2 id="ports-card-title">Ports</h2>
            <dl className="facts">
              <Fact label="MQTT" value={formatPort(info.ports.mqtt)} />
              <Fact label="MQTT over TLS" value={formatPort(info.ports.mqtts)} />
              <Fact label="MQTT over WebSocket" value={formatPort(info.ports.ws)} />
              <Fact label="HTTP (panel and API)" value={formatPort(info.ports.http)} />
              {info.tlsFingerprint && (
                <Fact label="TLS certificate (SHA-256)" value={info.tlsFingerprint} />
              )}
            </dl>
          </section>
        )}
        <WarningsCard warnings={overview.warnings} />
      </div>
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
