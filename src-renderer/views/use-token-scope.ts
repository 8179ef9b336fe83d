// What the signed-in caller may do: the desktop window is the owner (admin); in a browser the
// session learnt its token's scope when it signed in, so no view has to probe for it.
import type { HubSession } from '../api/hub-session.js';

export type TokenScope = 'admin' | 'control' | 'unknown';

export function useTokenScope(session: HubSession): TokenScope {
  return session.scope;
}
