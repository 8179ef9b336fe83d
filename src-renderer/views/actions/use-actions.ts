// The action table and the action files: fetched on open, after every change made here, when
// the connection comes back, and (coalesced) whenever an `action_error` event arrives.
import { useCallback, useEffect } from 'react';
import type { ActionInfo, OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export type ActionFiles = OperationOutput<'listActionFiles'>;

export interface ActionsState {
  actions: ActionInfo[] | null;
  files: ActionFiles | null;
  loading: boolean;
  error: string | null;
  reload(): void;
}

const EVENT_SETTLE_MS = 250;

export function useActions(session: HubSession): ActionsState {
  const fetchBoth = useCallback(
    () =>
      Promise.all([session.api.listActions({}), session.api.listActionFiles({})]).then(
        ([table, files]) => ({ actions: table.actions, files }),
      ),
    [session],
  );
  const { data, loading, error, refresh: load, reload } = useFetched(session, fetchBoth);

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const stop = session.subscribe((event) => {
      if (event.type !== 'action_error') return;
      clearTimeout(timer);
      timer = setTimeout(load, EVENT_SETTLE_MS);
    });
    return () => {
      clearTimeout(timer);
      stop();
    };
  }, [session, load]);

  return { actions: data?.actions ?? null, files: data?.files ?? null, loading, error, reload };
}
