// The session's connection, for components deep in a view that only need to know whether the
// hub came back (an error notice about the hub being unreachable goes away when it does).
import { createContext, useContext, useSyncExternalStore } from 'react';
import type { ConnectionMonitor } from '../api/connection-status.js';

export const ConnectionContext = createContext<ConnectionMonitor | null>(null);

const never = () => () => {};
const none = () => 0;

/** How many times the hub came back after a drop (0 outside a signed-in frame). */
export function useReconnections(): number {
  const monitor = useContext(ConnectionContext);
  return useSyncExternalStore(monitor?.subscribe ?? never, monitor?.reconnections ?? none);
}
