// The browser's session: HTTP for calls, SSE for events, both signed with the token.
import { ConnectionMonitor } from './connection-status.js';
import { openEventStream } from './event-stream.js';
import { createHttpClient } from './http-client.js';
import { EventFanOut, type HubSession } from './hub-session.js';

export function createBrowserSession(
  token: string,
  scope: HubSession['scope'],
  onUnauthorized: () => void,
): HubSession {
  const connection = new ConnectionMonitor();
  const events = new EventFanOut();
  const api = createHttpClient({
    token,
    onReachability: (reachable) => {
      if (!reachable) connection.callFailed();
    },
  });
  const stream = openEventStream({
    token,
    onEvent: (event) => events.emit(event),
    onOpen: () => connection.streamOpened(),
    onDrop: (failures) => connection.streamDropped(failures),
    onUnauthorized,
  });
  return {
    mode: 'browser',
    scope,
    api,
    connection,
    subscribe: (listener) => events.subscribe(listener),
    close: () => stream.close(),
  };
}
