// Hub info and status for the overview: fetched on open, again whenever the connection comes
// back and every 30 s; `warning` events add to the list live in between.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HubEvent } from '../../src-main/shared/events.js';
import type { HubInfo, HubStatus } from '../../src-main/shared/hub-api.js';
import type { HubSession } from '../api/hub-session.js';
import { useT } from '../i18n/LanguageProvider.js';
import { errorText } from '../views/error-text.js';
import { useConnectionStatus } from './use-connection-status.js';

export type Warning = HubStatus['warnings'][number];

export interface HubOverview {
  info: HubInfo | null;
  status: HubStatus | null;
  /** When `status` was fetched (Date.now()), to keep the uptime ticking between fetches. */
  statusFetchedAt: number;
  warnings: Warning[];
  loading: boolean;
  error: string | null;
  reload(): void;
}

const REFRESH_MS = 30_000;
const MAX_LIVE_WARNINGS = 50;

export function useHubOverview(session: HubSession): HubOverview {
  const [info, setInfo] = useState<HubInfo | null>(null);
  const [status, setStatus] = useState<HubStatus | null>(null);
  const [statusFetchedAt, setStatusFetchedAt] = useState(0);
  const [liveWarnings, setLiveWarnings] = useState<Warning[]>([]);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const connection = useConnectionStatus(session.connection);
  const lastConnection = useRef(connection);
  const mounted = useRef(true);
  const t = useT();

  const load = useCallback(() => {
    Promise.all([session.api.getInfo({}), session.api.getStatus({})]).then(
      ([nextInfo, nextStatus]) => {
        if (!mounted.current) return;
        setInfo(nextInfo);
        setStatus(nextStatus);
        setStatusFetchedAt(Date.now());
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!mounted.current) return;
        setError(errorText(caught, t));
        setLoading(false);
      },
    );
  }, [session, t]);

  useEffect(() => {
    mounted.current = true;
    load();
    const timer = setInterval(() => load(), REFRESH_MS);
    return () => {
      mounted.current = false;
      clearInterval(timer);
    };
  }, [load]);

  // Back after a drop: the hub may have restarted, so everything is fetched again.
  useEffect(() => {
    const previous = lastConnection.current;
    lastConnection.current = connection;
    if (connection === 'connected' && (previous === 'reconnecting' || previous === 'offline')) {
      load();
    }
  }, [connection, load]);

  useEffect(
    () =>
      session.subscribe((event: HubEvent) => {
        // The broker came or went: its state and the warnings are fetched again at once.
        if (event.type === 'broker_connection') {
          load();
          if ((event as HubEvent<'broker_connection'>).data.state === 'connected') {
            setLiveWarnings((list) => list.filter((w) => w.code !== 'broker_unavailable'));
          }
          return;
        }
        if (event.type !== 'warning') return;
        const warning: Warning = { ...(event as HubEvent<'warning'>).data, at: event.at };
        setLiveWarnings((list) => [warning, ...list].slice(0, MAX_LIVE_WARNINGS));
      }),
    [session, load],
  );

  return {
    info,
    status,
    statusFetchedAt,
    warnings: mergeWarnings(liveWarnings, status?.warnings ?? []),
    loading,
    error,
    reload: () => {
      setLoading(true);
      load();
    },
  };
}

/** Newest first; a warning the hub reports both live and in its status is shown once. */
function mergeWarnings(live: Warning[], fromStatus: Warning[]): Warning[] {
  const seen = new Set<string>();
  const merged: Warning[] = [];
  for (const warning of [...live, ...fromStatus]) {
    const key = `${warning.code}\u0000${warning.message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    merged.push(warning);
  }
  return merged.sort((a, b) => b.at.localeCompare(a.at));
}
