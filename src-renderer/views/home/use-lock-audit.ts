// The newest audit entry of each lock (who last locked or unlocked it, from where, and how it
// went): the lock audit log fetched on open, and again after every lock_command event.
import { useCallback, useEffect, useMemo, useRef } from 'react';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export type AuditEntry = OperationOutput<'listAudit'>['entries'][number];

const RECENT = 200;
/** A lock-all sends one lock_command per lock: one fetch covers a burst of them. */
const SETTLE_MS = 300;

export function useLastCommands(session: HubSession): ReadonlyMap<string, AuditEntry> {
  const fetchAudit = useCallback(
    () => session.api.listAudit({ limit: RECENT }).then((result) => result.entries),
    [session],
  );
  const { data, refresh } = useFetched(session, fetchAudit);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => {
    const stop = session.subscribe((event) => {
      if (event.type !== 'lock_command' || timer.current !== undefined) return;
      timer.current = setTimeout(() => {
        timer.current = undefined;
        refresh();
      }, SETTLE_MS);
    });
    return () => {
      stop();
      clearTimeout(timer.current);
      timer.current = undefined;
    };
  }, [session, refresh]);
  return useMemo(() => {
    const newest = new Map<string, AuditEntry>();
    // Newest first: the first entry seen for a lock is its last command.
    for (const entry of data ?? []) if (!newest.has(entry.lockId)) newest.set(entry.lockId, entry);
    return newest;
  }, [data]);
}
