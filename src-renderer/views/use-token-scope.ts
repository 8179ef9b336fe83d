// What the signed-in caller may do. The desktop window is the owner (admin); in a browser an
// admin-only read (getPermitJoin) tells an admin token from a control token.
import { useEffect, useState } from 'react';
import { HubApiError } from '../api/hub-api-error.js';
import type { HubSession } from '../api/hub-session.js';

export type TokenScope = 'admin' | 'control' | 'unknown';

export function useTokenScope(session: HubSession): TokenScope {
  const [scope, setScope] = useState<TokenScope>(session.mode === 'desktop' ? 'admin' : 'unknown');
  useEffect(() => {
    if (session.mode === 'desktop') return;
    let live = true;
    session.api.getPermitJoin({}).then(
      () => live && setScope('admin'),
      (error: unknown) => {
        if (!live) return;
        const forbidden =
          error instanceof HubApiError && (error.code === 'forbidden' || error.status === 403);
        setScope(forbidden ? 'control' : 'unknown');
      },
    );
    return () => {
      live = false;
    };
  }, [session]);
  return scope;
}
