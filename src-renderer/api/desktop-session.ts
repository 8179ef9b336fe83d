// The Electron window's session: window.hub from the preload. The hub runs in the same app,
// so the connection is simply up; results arrive wrapped (see global.d.ts) and are unwrapped
// here so that the hub's error codes survive the IPC hop.
import {
  operationNames,
  type HubApiClient,
  type OperationName,
} from '../../src-main/shared/hub-api.js';
import type { HubBridge, IpcResult } from '../global.js';
import { ConnectionMonitor } from './connection-status.js';
import { HubApiError } from './hub-api-error.js';
import { setDesktopHubOrigin } from './hub-origin.js';
import { EventFanOut, type HubSession } from './hub-session.js';

export function createDesktopSession(bridge: HubBridge): HubSession {
  const events = new EventFanOut();
  const unsubscribe = bridge.onEvent((event) => events.emit(event));
  const client: Partial<Record<OperationName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    const call = bridge[name] as (input: unknown) => Promise<IpcResult<unknown>>;
    client[name] = async (input) => unwrap(await call(input ?? {}));
  }
  // Pictures are loaded from the hub's HTTP port (the window itself is a file:// page).
  void bridge.getInfo({}).then((result) => {
    if (result.ok && result.value.ports.http !== null) setDesktopHubOrigin(result.value.ports.http);
  });
  return {
    mode: 'desktop',
    scope: 'admin',
    api: client as HubApiClient,
    connection: new ConnectionMonitor('connected'),
    subscribe: (listener) => events.subscribe(listener),
    close: unsubscribe,
  };
}

function unwrap(result: IpcResult<unknown>): unknown {
  if (result.ok) return result.value;
  throw new HubApiError(result.error.code, result.error.message, null, result.error.params);
}
