// The connection indicator's state, fed by the event stream and by API call outcomes, and
// read by React through useSyncExternalStore.

export type ConnectionStatus = 'connecting' | 'connected' | 'reconnecting' | 'offline';

/** After this many failed attempts in a row the hub counts as offline (still retried). */
const OFFLINE_AFTER_FAILURES = 3;

export class ConnectionMonitor {
  private status: ConnectionStatus;
  private comebacks = 0;
  private readonly listeners = new Set<() => void>();

  constructor(initial: ConnectionStatus = 'connecting') {
    this.status = initial;
  }

  readonly get = (): ConnectionStatus => this.status;

  /** How many times the hub came back after a drop: what failed for want of it may now work. */
  readonly reconnections = (): number => this.comebacks;

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  streamOpened(): void {
    this.set('connected');
  }

  streamDropped(failures: number): void {
    this.set(failures >= OFFLINE_AFTER_FAILURES ? 'offline' : 'reconnecting');
  }

  /** A failed API call is the first sign of trouble when the stream has not noticed yet. */
  callFailed(): void {
    if (this.status === 'connected') this.set('reconnecting');
  }

  private set(next: ConnectionStatus): void {
    if (next === this.status) return;
    if (next === 'connected' && (this.status === 'reconnecting' || this.status === 'offline')) {
      this.comebacks++;
    }
    this.status = next;
    for (const listener of [...this.listeners]) listener();
  }
}
