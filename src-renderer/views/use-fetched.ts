// Something a view shows from the hub: fetched on open and whenever the connection comes back,
// with loading and error states; `refresh` fetches again quietly, `reload` shows it loading.
import {
  useCallback,
  useEffect,
  useRef,
  useState,
  type Dispatch,
  type SetStateAction,
} from 'react';
import type { HubSession } from '../api/hub-session.js';
import { useT } from '../i18n/LanguageProvider.js';
import { errorText } from './error-text.js';
import { useOnReconnect } from './use-on-reconnect.js';

export interface Fetched<T> {
  data: T | null;
  setData: Dispatch<SetStateAction<T | null>>;
  loading: boolean;
  error: string | null;
  refresh(): void;
  reload(): void;
}

/** `fetch` must be stable (useCallback), or it is fetched on every render. */
export function useFetched<T>(session: HubSession, fetch: () => Promise<T>): Fetched<T> {
  const [data, setData] = useState<T | null>(null);
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const mounted = useRef(true);
  // Read when a fetch fails, so that changing the language does not fetch again.
  const translate = useT();
  const t = useRef(translate);
  useEffect(() => {
    t.current = translate;
  }, [translate]);

  const refresh = useCallback(() => {
    fetch().then(
      (result) => {
        if (!mounted.current) return;
        setData(result);
        setError(null);
        setLoading(false);
      },
      (caught: unknown) => {
        if (!mounted.current) return;
        setError(errorText(caught, t.current));
        setLoading(false);
      },
    );
  }, [fetch]);

  useEffect(() => {
    mounted.current = true;
    refresh();
    return () => {
      mounted.current = false;
    };
  }, [refresh]);

  useOnReconnect(session, refresh);

  return {
    data,
    setData,
    loading,
    error,
    refresh,
    reload: () => {
      setLoading(true);
      refresh();
    },
  };
}
