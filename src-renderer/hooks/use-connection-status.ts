import { useSyncExternalStore } from 'react';
import type { ConnectionMonitor, ConnectionStatus } from '../api/connection-status.js';

export function useConnectionStatus(monitor: ConnectionMonitor): ConnectionStatus {
  return useSyncExternalStore(monitor.subscribe, monitor.get);
}
