// Connected / reconnecting / offline, from the event stream and API calls (ConnectionMonitor).
import type { ConnectionMonitor, ConnectionStatus } from '../api/connection-status.js';
import { useConnectionStatus } from '../hooks/use-connection-status.js';
import type { StringKey } from '../i18n/catalogue/index.js';
import { useT } from '../i18n/LanguageProvider.js';

const labels: Record<ConnectionStatus, { text: StringKey; title: StringKey }> = {
  connecting: {
    text: 'common.connection.connecting',
    title: 'common.connection.connectingTitle',
  },
  connected: { text: 'common.connection.connected', title: 'common.connection.connectedTitle' },
  reconnecting: {
    text: 'common.connection.reconnecting',
    title: 'common.connection.reconnectingTitle',
  },
  offline: { text: 'common.connection.offline', title: 'common.connection.offlineTitle' },
};

export function ConnectionIndicator({ monitor }: { monitor: ConnectionMonitor }) {
  const t = useT();
  const status = useConnectionStatus(monitor);
  const { text, title } = labels[status];
  return (
    <p className={`connection connection-${status}`} data-status={status} title={t(title)}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        <span className="visually-hidden">{t('common.connection.label')} </span>
        <span className="connection-text">{t(text)}</span>
      </span>
    </p>
  );
}
