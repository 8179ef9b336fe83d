// Connected / reconnecting / offline, from the event stream and API calls (ConnectionMonitor).
import type { ConnectionMonitor, ConnectionStatus } from '../api/connection-status.js';
import { useConnectionStatus } from '../hooks/use-connection-status.js';

const labels: Record<ConnectionStatus, { text: string; title: string }> = {
  connecting: { text: 'Connecting…', title: 'Opening the live connection to the hub.' },
  connected: { text: 'Connected', title: 'Live updates from the hub are arriving.' },
  reconnecting: {
    text: 'Reconnecting…',
    title: 'The connection to the hub dropped; trying again.',
  },
  offline: {
    text: 'Offline',
    title: 'The hub cannot be reached. Still retrying; check that it is running.',
  },
};

export function ConnectionIndicator({ monitor }: { monitor: ConnectionMonitor }) {
  const status = useConnectionStatus(monitor);
  const { text, title } = labels[status];
  return (
    <p className={`connection connection-${status}`} data-status={status} title={title}>
      <span className="connection-dot" aria-hidden="true" />
      <span role="status" aria-live="polite">
        <span className="visually-hidden">Hub connection: </span>
        {text}
      </span>
    </p>
  );
}
