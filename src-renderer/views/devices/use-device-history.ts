// One device's recent history: the activity entries it caused (its joins, renames, refusals)
// and, for a lock, its audit entries. The hub has no per-device query, so the newest pages
// are read and filtered here; `changeKey` re-reads when the device reports something new.
import { useCallback, useEffect, useState } from 'react';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';

export type ActivityEntry = OperationOutput<'listActivity'>['entries'][number];
export type AuditEntry = OperationOutput<'listAudit'>['entries'][number];

export interface DeviceHistory {
  activity: ActivityEntry[];
  audit: AuditEntry[] | null;
}

const PAGE = 500;
const SHOWN = 20;

export function useDeviceHistory(
  session: HubSession,
  id: string,
  isLock: boolean,
  changeKey: string,
): { history: DeviceHistory | null; error: string | null } {
  const t = useT();
  const [history, setHistory] = useState<DeviceHistory | null>(null);
  const [error, setError] = useState<string | null>(null);

  const load = useCallback(
    () =>
      Promise.all([
        session.api.listActivity({ limit: PAGE }),
        isLock ? session.api.listAudit({ limit: PAGE }) : Promise.resolve(null),
      ]).then(([activity, audit]) => ({
        activity: activity.entries.filter((entry) => concerns(entry, id)).slice(0, SHOWN),
        audit: audit ? audit.entries.filter((entry) => entry.lockId === id).slice(0, SHOWN) : null,
      })),
    [session, id, isLock],
  );

  useEffect(() => {
    let live = true;
    load().then(
      (result) => {
        if (!live) return;
        setHistory(result);
        setError(null);
      },
      (caught: unknown) => live && setError(errorText(caught, t)),
    );
    return () => {
      live = false;
    };
  }, [load, changeKey, t]);

  return { history, error };
}

function concerns(entry: ActivityEntry, id: string): boolean {
  if (entry.actor === id) return true;
  const data = entry.data as { id?: unknown; device?: unknown } | undefined;
  return data?.id === id || data?.device === id;
}
