// The only bridge between the sandboxed panel and the app: window.hub with one function per
// HubApi operation and an event subscription. ipcRenderer itself is never exposed, and the
// channel list comes from the shared table, so nothing else can be invoked from the page.
// Bundled by esbuild into dist/main/preload.cjs (a sandboxed preload is one CommonJS file).
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { HubEvent } from './shared/events.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from './shared/hub-api.js';

const bridge: Record<string, unknown> = {};

for (const name of operationNames) {
  bridge[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input);
}

bridge.onEvent = (listener: (event: HubEvent) => void): (() => void) => {
  // Pass on the event only: the IpcRendererEvent would hand the page ipcRenderer (sender).
  const forward = (_ipcEvent: IpcRendererEvent, event: HubEvent) => listener(event);
  ipcRenderer.on(IPC_EVENT_CHANNEL, forward);
  return () => {
    ipcRenderer.removeListener(IPC_EVENT_CHANNEL, forward);
  };
};

contextBridge.exposeInMainWorld('hub', bridge);
