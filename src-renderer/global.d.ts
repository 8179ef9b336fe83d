// window.hub: what src-main/preload.ts exposes in the Electron window (absent in a browser).
// Each operation resolves to an IpcResult rather than rejecting, because Electron turns a
// rejected invoke into a bare message and the hub's error code would be lost. main.ts builds
// the same shape.
import type { ApiErrorBody } from '../src-main/shared/errors.js';
import type { HubEvent } from '../src-main/shared/events.js';
import type { OperationInput, OperationName, OperationOutput } from '../src-main/shared/hub-api.js';

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: ApiErrorBody['error'] };

export type HubBridge = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<IpcResult<OperationOutput<K>>>;
} & {
  /** Calls the listener for every hub event; returns the function that stops it. */
  onEvent(listener: (event: HubEvent) => void): () => void;
};

declare global {
  interface Window {
    hub?: HubBridge;
  }
}
