// The action table and the action files: fetched on open, after every change made here, when
// the connection comes back, and (coalesced) whenever an `action_error` event arrives.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { ActionInfo, OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { errorText } from '../error-text.js';
import { useOnReconnect } from '../use-on-reconnect.js';

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
  const [actions, setActions] = useState<ActionInfo[] | null>(null);
  const [files, setFiles] = useState<ActionFiles | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);

  const load = useCallback(() => {
    Promise.all([session.api.listActions({}), session.api.listActionFiles({})]).then(
      ([table, fileList]) => {
        if (!mounted.current) return;
        setActions(table.actions);
        setFiles(fileList);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!mounted.current) return;
        setError(errorText(caught));
        setLoading(false);
      },
    );
  }, [session]);

  useEffect(() => {
    mounted.current = true;
    load();
    return () => {
      mounted.current = false;
    };
  }, [load]);

  useOnReconnect(session, load);

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

  return {
    actions,
    files,
    loading,
    error,
    reload: () => {
      setLoading(true);
      load();
    },
  };
}
