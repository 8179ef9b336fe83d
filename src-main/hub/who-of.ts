// Who a caller is in the family's terms (shared/who.ts): the admin token is the owner, the
// desktop window the owner at this PC, any other token its name, a device its name. Names are
// read when it happens and kept with the entry, so a revoked phone still reads as "Anna's phone".
import type { Who } from '../shared/who.js';
import type { Caller } from './actions/action-types.js';
import { ADMIN_TOKEN_ID } from './auth/token-store.js';

export interface NameBook {
  token(id: string): string | undefined;
  device(id: string): string | undefined;
  integration(id: string): string | undefined;
}

export type WhoOf = (caller: Caller) => Who;

/** For parts used without a hub around them (tests of one piece): no names known. */
export const NO_NAMES: NameBook = {
  token: () => undefined,
  device: () => undefined,
  integration: () => undefined,
};

export function whoResolver(names: NameBook): WhoOf {
  return (caller) => {
    switch (caller.kind) {
      case 'local':
        return { kind: 'owner_pc' };
      case 'token':
        // An unknown name stays empty: the panel then says "a paired phone", never the id.
        if (caller.tokenId === ADMIN_TOKEN_ID) return { kind: 'owner' };
        // Any other admin-scope token is the owner's too: a browser signed in with the admin
        // token, named after the browser.
        if (caller.scope === 'admin') {
          const via = names.token(caller.tokenId);
          return via ? { kind: 'owner', via } : { kind: 'owner' };
        }
        return { kind: 'token', name: names.token(caller.tokenId) ?? '' };
      case 'device':
        return {
          kind: 'device',
          id: caller.deviceId,
          name: names.device(caller.deviceId) ?? caller.deviceId,
        };
      case 'integration':
        return { kind: 'integration', name: names.integration(caller.integrationId) ?? '' };
    }
  };
}
