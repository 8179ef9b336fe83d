// The hub's event stream over HTTP: GET /api/v1/events read with fetch() (so it can carry the
// token), parsed as SSE, and reopened with capped exponential backoff when it drops. A reopened
// stream sends Last-Event-ID, so the hub replays what was missed while the phone slept or changed
// networks; and when the page comes back into view, a stream that has gone quiet is reopened at
// once instead of waiting for the idle watchdog.
import type { HubEvent } from '../../src-main/shared/events.js';
import { SseParser } from './sse-parser.js';

export const EVENTS_PATH = '/api/v1/events';

export interface EventStreamOptions {
  token: string;
  baseUrl?: string;
  onEvent(event: HubEvent): void;
  /** The stream is open (again). */
  onOpen(): void;
  /** The stream dropped or could not be opened; `failures` counts attempts since the last open. */
  onDrop(failures: number): void;
  /** 401: the token is no longer accepted; the stream stops for good. */
  onUnauthorized(): void;
}

export interface EventStream {
  close(): void;
}

const FIRST_RETRY_MS = 1_000;
const MAX_RETRY_MS = 15_000;
/**
 * The hub sends a keep-alive comment every 20 s; a stream silent for this long is dead even if
 * the socket has not noticed (a phone that slept, a Wi-Fi change), so it is reopened.
 */
const IDLE_LIMIT_MS = 65_000;
/** Back in view after this long without a word from the hub: the stream is not trusted. */
const QUIET_ON_WAKE_MS = 25_000;

export function openEventStream(options: EventStreamOptions): EventStream {
  const controller = new AbortController();
  void run(options, controller.signal);
  return { close: () => controller.abort() };
}

async function run(options: EventStreamOptions, signal: AbortSignal): Promise<void> {
  const url = new URL(EVENTS_PATH, options.baseUrl ?? window.location.origin);
  let failures = 0;
  let serverRetryMs: number | null = null;
  let lastEventId: string | null = null;
  let heardAt = Date.now();
  // Coming back into view: a quiet stream is reopened now, a pending retry happens now.
  let wake = new AbortController();
  const onVisible = () => {
    if (document.visibilityState === 'visible' && Date.now() - heardAt > QUIET_ON_WAKE_MS) {
      wake.abort();
    }
  };
  if (typeof document !== 'undefined') {
    document.addEventListener('visibilitychange', onVisible);
    signal.addEventListener('abort', () =>
      document.removeEventListener('visibilitychange', onVisible),
    );
  }
  while (!signal.aborted) {
    // Each attempt has its own abort, so the idle watchdog (or waking up) can end just this one.
    const attempt = new AbortController();
    const stopAttempt = () => attempt.abort();
    signal.addEventListener('abort', stopAttempt, { once: true });
    if (wake.signal.aborted) wake = new AbortController();
    wake.signal.addEventListener('abort', stopAttempt, { once: true });
    let idleTimer: ReturnType<typeof setTimeout> | undefined;
    const resetWatchdog = () => {
      heardAt = Date.now();
      clearTimeout(idleTimer);
      idleTimer = setTimeout(stopAttempt, IDLE_LIMIT_MS);
    };
    try {
      const headers: Record<string, string> = {
        Accept: 'text/event-stream',
        Authorization: `Bearer ${options.token}`,
      };
      if (lastEventId !== null) headers['Last-Event-ID'] = lastEventId;
      const response = await fetch(url, { headers, cache: 'no-store', signal: attempt.signal });
      if (response.status === 401) {
        options.onUnauthorized();
        return;
      }
      if (!response.ok || !response.body) throw new Error(`status ${response.status}`);
      failures = 0;
      options.onOpen();
      const parser = new SseParser({
        onMessage: (message) => {
          if (message.id !== null) lastEventId = message.id;
          const event = toHubEvent(message.data);
          if (event) options.onEvent(event);
        },
        onRetry: (ms) => (serverRetryMs = ms),
      });
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      resetWatchdog();
      for (;;) {
        const { done, value } = await reader.read();
        if (done) break;
        resetWatchdog();
        parser.push(value);
      }
    } catch {
      // Dropped, refused or gone quiet: handled below like a clean end of stream.
    } finally {
      clearTimeout(idleTimer);
      signal.removeEventListener('abort', stopAttempt);
      wake.signal.removeEventListener('abort', stopAttempt);
    }
    if (signal.aborted) return;
    failures += 1;
    options.onDrop(failures);
    if (wake.signal.aborted) continue; // woken up: try again at once
    await sleep(retryDelay(failures, serverRetryMs), AbortSignal.any([signal, wake.signal]));
  }
}

/** Exponential backoff with jitter, so many panels do not reconnect in lockstep. */
function retryDelay(failures: number, serverRetryMs: number | null): number {
  const base = Math.min(MAX_RETRY_MS, (serverRetryMs ?? FIRST_RETRY_MS) * 2 ** (failures - 1));
  return base * (0.8 + Math.random() * 0.4);
}

function toHubEvent(data: string): HubEvent | null {
  try {
    const value = JSON.parse(data) as Partial<HubEvent> | null;
    if (value && typeof value.type === 'string' && typeof value.at === 'string') {
      return value as HubEvent;
    }
  } catch {
    // A malformed message is skipped; the stream itself is still good.
  }
  return null;
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}
