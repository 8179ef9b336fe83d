// One of the hub's persisted logs (activity history or lock audit), newest first: a page on
// open and on reconnect, older pages on demand, and the newest page fetched again shortly after
// hub events (events are what these logs record), merged in by sequence number.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export interface PagedHistory<T> {
  entries: T[] | null;
  loading: boolean;
  error: string | null;
  reload(): void;
  hasOlder: boolean;
  loadingOlder: boolean;
  loadOlder(): void;
}

const PAGE = 100;
const SETTLE_MS = 800;

export function usePagedHistory<T extends { seq: number }>(
  session: HubSession,
  fetchPage: (limit: number, before?: number) => Promise<T[]>,
): PagedHistory<T> {
  // Known once an older page was fetched; before that, a full first page suggests more.
  const [olderLeft, setOlderLeft] = useState<boolean | null>(null);
  const [loadingOlder, setLoadingOlder] = useState(false);
  const first = useCallback(() => fetchPage(PAGE), [fetchPage]);
  const fetched = useFetched(session, first);
  const { data, setData } = fetched;
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);

  useEffect(() => {
    // At most one fetch per SETTLE_MS however many events arrive (a lock-all over many locks
    // sends one per lock), and never starved by a steady stream of them.
    const stop = session.subscribe(() => {
      if (timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        fetchPage(PAGE).then(
          (page) => setData((list) => merge(page, list ?? [])),
          () => {
            // The next event or a reconnect tries again; the list shown stays as it was.
          },
        );
      }, SETTLE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [session, fetchPage, setData]);

  const loadOlder = () => {
    const oldest = data?.at(-1);
    if (!oldest || loadingOlder) return;
    setLoadingOlder(true);
    fetchPage(PAGE, oldest.seq).then(
      (page) => {
        setLoadingOlder(false);
        setOlderLeft(page.length === PAGE);
        setData((list) => merge(list ?? [], page));
      },
      () => setLoadingOlder(false),
    );
  };

  return {
    entries: data,
    loading: fetched.loading,
    error: fetched.error,
    reload: fetched.reload,
    hasOlder: olderLeft ?? (data !== null && data.length >= PAGE),
    loadingOlder,
    loadOlder,
  };
}

function merge<T extends { seq: number }>(a: T[], b: T[]): T[] {
  const bySeq = new Map<number, T>();
  for (const entry of [...a, ...b]) if (!bySeq.has(entry.seq)) bySeq.set(entry.seq, entry);
  return [...bySeq.values()].sort((x, y) => y.seq - x.seq);
}
