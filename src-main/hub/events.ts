// The typed event bus. Services emit; the MQTT publisher, SSE streams and IPC forward.
// Listeners can be registered under an owner and removed together (as zigbee2mqtt's eventBus),
// so a closed SSE stream or a stopped service never leaks a listener.
import type { HubEvent, HubEventData, HubEventType } from '../shared/events.js';

type Listener = (event: HubEvent) => void;

export class EventBus {
  private readonly listeners = new Map<Listener, { owner: unknown }>();
  private readonly onListenerError: (error: unknown) => void;

  constructor(onListenerError: (error: unknown) => void = () => {}) {
    this.onListenerError = onListenerError;
  }

  emit<T extends HubEventType>(type: T, data: HubEventData<T>): HubEvent<T> {
    const event: HubEvent<T> = { type, at: new Date().toISOString(), data };
    for (const listener of [...this.listeners.keys()]) {
      try {
        listener(event);
      } catch (error) {
        // One broken viewer must not stop the others from hearing about the front door.
        this.onListenerError(error);
      }
    }
    return event;
  }

  /** Listen to every event; returns the function that stops listening. */
  onAny(listener: Listener, owner: unknown = null): () => void {
    this.listeners.set(listener, { owner });
    return () => this.listeners.delete(listener);
  }

  removeOwner(owner: unknown): void {
    for (const [listener, entry] of this.listeners) {
      if (entry.owner === owner) this.listeners.delete(listener);
    }
  }

  get listenerCount(): number {
    return this.listeners.size;
  }
}
