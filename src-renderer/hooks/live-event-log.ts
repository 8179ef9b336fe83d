// The live event feed: every hub event since the panel opened, newest first, capped. It lives
// as long as the session (not the Activity view), so the feed is complete when the view opens.
import { useSyncExternalStore } from 'react';
import type { HubEvent } from '../../src-main/shared/events.js';
import type { HubSession } from '../api/hub-session.js';

const MAX_EVENTS = 500;

export interface LiveEvent {
  /** Counts up from 1 in arrival order: a stable React key and an export column. */
  n: number;
  event: HubEvent;
}

export class LiveEventLog {
  private events: LiveEvent[] = [];
  private count = 0;
  private readonly listeners = new Set<() => void>();

  constructor(private readonly session: HubSession) {}

  /** Starts collecting; returns the function that stops (events kept so far stay). */
  start(): () => void {
    return this.session.subscribe((event) => {
      this.count += 1;
      this.events = [{ n: this.count, event }, ...this.events].slice(0, MAX_EVENTS);
      for (const listener of [...this.listeners]) listener();
    });
  }

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly get = (): LiveEvent[] => this.events;
}

export function useLiveEvents(log: LiveEventLog): LiveEvent[] {
  return useSyncExternalStore(log.subscribe, log.get);
}
