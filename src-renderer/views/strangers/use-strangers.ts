// Stranger sightings, newest first, live: a page fetched on open (and on reconnect), older
// pages on demand, and each new sighting put at the top as its `stranger` event arrives. The
// links in each record expire, so the list is fetched again shortly before the first does.
import { useCallback, useEffect, useState } from 'react';
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { StrangerView } from '../../../src-main/shared/operations/strangers.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export type { StrangerView };

export interface StrangerFilter {
  camera: string | null;
  /** A local calendar day, `YYYY-MM-DD`: only sightings made that day. */
  day: string | null;
}

export interface StrangersState {
  strangers: StrangerView[] | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  /** Ids that arrived live since the list was opened, for a highlight. */
  arrived: ReadonlySet<string>;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
  drop(id: string): void;
}

const REFRESH_BEFORE_EXPIRY_MS = 30_000;

export function useStrangers(
  session: HubSession,
  filter: StrangerFilter,
  pageSize: number,
): StrangersState {
  const { camera, day } = filter;
  const [hasOlder, setHasOlder] = useState(false);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const [arrived, setArrived] = useState<ReadonlySet<string>>(() => new Set());

  const fetchPage = useCallback(
    async (before?: string): Promise<StrangerView[]> => {
      const range = dayRange(day);
      const result = await session.api.listStrangers({
        limit: pageSize,
        ...(camera ? { camera } : {}),
        ...(before ? { before } : range ? { before: String(range.end) } : {}),
      });
      const page = range
        ? result.strangers.filter((s) => Date.parse(s.at) >= range.start)
        : result.strangers;
      setHasOlder(page.length === pageSize);
      return page;
    },
    [session, camera, day, pageSize],
  );
  const fetchFirst = useCallback(() => fetchPage(), [fetchPage]);
  const fetched = useFetched(session, fetchFirst);
  const { data, setData, refresh } = fetched;

  // A new filter starts a new list: nothing in it has "just arrived" (adjusted while rendering).
  const filterKey = `${camera ?? ''}|${day ?? ''}`;
  const [arrivedFor, setArrivedFor] = useState(filterKey);
  if (arrivedFor !== filterKey) {
    setArrivedFor(filterKey);
    setArrived(new Set());
  }

  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type !== 'stranger') return;
        const stranger = (event as HubEvent<'stranger'>).data;
        if (!matches(stranger, camera, day)) return;
        setData((list) => (list ? [stranger, ...list.filter((s) => s.id !== stranger.id)] : list));
        setArrived((ids) => new Set(ids).add(stranger.id));
      }),
    [session, setData, camera, day],
  );

  // Signed links expire: fetch fresh ones before the first of them does.
  useEffect(() => {
    if (!data || data.length === 0) return;
    const firstExpiry = Math.min(...data.map((s) => Date.parse(s.linkExpiresAt)));
    if (!Number.isFinite(firstExpiry)) return;
    const wait = Math.max(5_000, firstExpiry - Date.now() - REFRESH_BEFORE_EXPIRY_MS);
    const timer = setTimeout(refresh, Math.min(wait, 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [data, refresh]);

  const loadOlder = () => {
    const oldest = data?.at(-1);
    if (!oldest || loadingOlder) return;
    setLoadingOlder(true);
    fetchPage(oldest.at).then(
      (page) => {
        setLoadingOlder(false);
        setData((list) => {
          const known = new Set((list ?? []).map((s) => s.id));
          return [...(list ?? []), ...page.filter((s) => !known.has(s.id))];
        });
      },
      () => {
        setLoadingOlder(false);
        fetched.reload();
      },
    );
  };

  return {
    strangers: data,
    loading: fetched.loading,
    error: fetched.error,
    reload: fetched.reload,
    arrived,
    hasOlder,
    loadingOlder,
    loadOlder,
    drop: (id) => setData((list) => (list ? list.filter((s) => s.id !== id) : list)),
  };
}

function dayRange(day: string | null): { start: number; end: number } | null {
  if (!day) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!match) return null;
  const start = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3])).getTime();
  const end = new Date(Number(match[1]), Number(match[2]) - 1, Number(match[3]) + 1).getTime();
  return { start, end };
}

function matches(stranger: StrangerView, camera: string | null, day: string | null): boolean {
  if (camera && stranger.camera !== camera) return false;
  const range = dayRange(day);
  if (!range) return true;
  const at = Date.parse(stranger.at);
  return at >= range.start && at < range.end;
}
