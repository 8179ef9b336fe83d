// A small BrokerAccess for the broker's tests; the hub's real rules live in src-main/hub/access.
import type { BrokerAccess, Principal } from '../../src-main/hub/broker/access.js';

export const ADMIN_PASSWORD = 'admin-secret';
export const CONTROL_PASSWORD = 'control-secret';
export const DEVICE_PASSWORD = 'device-secret';
/** Topics under here are refused to everyone, to exercise refusals. */
export const FORBIDDEN_PREFIX = 'forbidden/';

export function createTestAccess(): BrokerAccess {
  return {
    async authenticate(request) {
      // Two broken rule sets, to see that the broker fails closed and stays up.
      if (request.username === 'hang') return new Promise<never>(() => {});
      if (request.username === 'explode') throw new Error('rules crashed');
      const password = request.password?.toString('utf8');
      if (request.username === 'token' && password === ADMIN_PASSWORD) {
        return { ok: true, principal: { kind: 'token', tokenId: 'admin', scope: 'admin' } };
      }
      if (request.username === 'token' && password === CONTROL_PASSWORD) {
        return { ok: true, principal: { kind: 'token', tokenId: 'control-1', scope: 'control' } };
      }
      if (request.username === request.clientId && password === DEVICE_PASSWORD) {
        return { ok: true, principal: { kind: 'device', deviceId: request.clientId } };
      }
      return { ok: false, returnCode: 4, reason: 'bad credentials' };
    },
    authorizePublish(principal: Principal, topic: string) {
      if (topic.startsWith(FORBIDDEN_PREFIX)) return false;
      return principal.kind === 'token' || topic.startsWith(`devices/${principal.deviceId}/`);
    },
    authorizeSubscribe(principal: Principal, topic: string) {
      if (topic.startsWith(FORBIDDEN_PREFIX)) return false;
      return principal.kind === 'token' || topic.startsWith(`devices/${principal.deviceId}/`);
    },
  };
}
