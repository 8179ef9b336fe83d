// Calls `reload` when the connection comes back after a drop (the hub may have restarted).
import { useEffect, useRef } from 'react';
import type { HubSession } from '../api/hub-session.js';
import { useConnectionStatus } from '../hooks/use-connection-status.js';

export function useOnReconnect(session: HubSession, reload: () => void): void {
  const connection = useConnectionStatus(session.connection);
  const last = useRef(connection);
  useEffect(() => {
    const previous = last.current;
    last.current = connection;
    if (connection === 'connected' && (previous === 'reconnecting' || previous === 'offline')) {
      reload();
    }
  }, [connection, reload]);
}
