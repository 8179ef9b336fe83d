// The hub's access rules for MQTT, plugged into the broker's hooks (the one place they live).
// Token clients log in as username `token` with an API token (contract 2.3.5). Devices join
// with hand_shake in the devices issue; until then an anonymous connection is refused.
import type { BrokerAccess, ConnectRequest, AuthResult, Principal } from '../broker/access.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { Logger } from '../log.js';

export const TOKEN_USERNAME = 'token';
/** The one hub topic that clients may write (contract 2.2). */
export const ACTION_INBOX = 'hearth/action';

export function createHubAccess(tokens: TokenVerifier, log: Logger): BrokerAccess {
  return {
    async authenticate(request: ConnectRequest): Promise<AuthResult> {
      if (request.username === TOKEN_USERNAME) {
        const identity = request.password ? tokens.verify(request.password.toString('utf8')) : null;
        if (identity) {
          return {
            ok: true,
            principal: { kind: 'token', tokenId: identity.tokenId, scope: identity.scope },
          };
        }
        return { ok: false, returnCode: 4, reason: 'token not accepted' };
      }
      log.debug('anonymous connection refused', {
        clientId: request.clientId,
        address: request.address,
      });
      return {
        ok: false,
        returnCode: 5,
        reason: 'not authorized: log in with username "token" and an API token',
      };
    },

    authorizePublish(principal: Principal, topic: string): boolean {
      if (principal.kind !== 'token') return false;
      if (topic === ACTION_INBOX) return true;
      // Topics under hearth/ are the hub's own: a client forging hearth/devices/<id>/set
      // would command a lock without going through the hub's checks and audit log.
      if (topic === 'hearth' || topic.startsWith('hearth/')) return false;
      return principal.scope === 'admin';
    },

    authorizeSubscribe(principal: Principal, topic: string): boolean {
      if (principal.kind !== 'token') return false;
      return principal.scope === 'admin' || !topic.startsWith('$');
    },
  };
}
