// The token list (admin): fetched on open and on reconnect; refreshed on request (the pairing
// card polls it while a code is live, as pairing sends no event).
import { useCallback } from 'react';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useFetched } from '../use-fetched.js';

export type TokenView = OperationOutput<'listTokens'>['tokens'][number];

export interface TokensState {
  list: TokenView[] | null;
  loading: boolean;
  error: string | null;
  refresh(): void;
  reload(): void;
  drop(id: string): void;
}

export function useTokens(session: HubSession): TokensState {
  const fetchTokens = useCallback(
    () => session.api.listTokens({}).then((result) => result.tokens),
    [session],
  );
  const { data, setData, loading, error, refresh, reload } = useFetched(session, fetchTokens);
  return {
    list: data,
    loading,
    error,
    refresh,
    reload,
    drop: (id) => setData((list) => (list ? list.filter((token) => token.id !== id) : list)),
  };
}
