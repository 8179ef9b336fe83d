// What the panel holds once it may talk to the hub: a HubApiClient, the live events and the
// connection state. Views depend on this interface only, never on the transport behind it.
import type { HubEvent } from '../../src-main/shared/events.js';
import type { HubApiClient } from '../../src-main/shared/hub-api.js';
import type { ConnectionMonitor } from './connection-status.js';

export type EventListener = (event: HubEvent) => void;

export interface HubSession {
  /** `desktop`: the Electron window over IPC (no token); `browser`: HTTP + SSE with a token. */
  readonly mode: 'desktop' | 'browser';
  /** What the panel may offer: the desktop window is the owner; a token has its own scope. */
  readonly scope: 'admin' | 'control';
  readonly api: HubApiClient;
  readonly connection: ConnectionMonitor;
  subscribe(listener: EventListener): () => void;
  close(): void;
}

/** Fans one incoming event stream out to any number of views. */
export class EventFanOut {
  private readonly listeners = new Set<EventListener>();

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  emit(event: HubEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        // One broken view must not starve the others of events.
        console.warn('event listener failed', error);
      }
    }
  }
}
