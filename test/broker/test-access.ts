// A small BrokerAccess for the broker's tests; the hub's real rules live in src-main/hub/access.
import type {
  BrokerAccess,
  ConnectRequest,
  Principal,
  Refusal,
} from '../../src-main/hub/broker/access.js';

export const ADMIN_PASSWORD = 'admin-secret';
export const CONTROL_PASSWORD = 'control-secret';
export const DEVICE_PASSWORD = 'device-secret';
/** Topics under here are refused to everyone, to exercise refusals. */
export const FORBIDDEN_PREFIX = 'forbidden/';

export interface Seen {
  /** Every CONNECT as the broker described it to the rules. */
  requests?: ConnectRequest[];
  /** What the broker reported refusing. */
  refusals?: Refusal[];
}

export function createTestAccess(seen: Seen = {}): BrokerAccess {
  const mine = (principal: Principal, topic: string) =>
    principal.kind === 'token' ||
    (principal.kind === 'device' && topic.startsWith(`devices/${principal.deviceId}/`));
  return {
    async authenticate(request) {
      seen.requests?.push(request);
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
        return {
          ok: true,
          principal: {
            kind: 'device',
            deviceId: request.clientId,
            stage: 'approved',
            address: request.address,
          },
        };
      }
      return { ok: false, returnCode: 4, reason: 'bad credentials' };
    },
    authorizePublish(principal: Principal, topic: string) {
      return !topic.startsWith(FORBIDDEN_PREFIX) && mine(principal, topic);
    },
    authorizeSubscribe(principal: Principal, topic: string) {
      return !topic.startsWith(FORBIDDEN_PREFIX) && mine(principal, topic);
    },
    onRefused(refusal) {
      seen.refusals?.push(refusal);
    },
  };
}
