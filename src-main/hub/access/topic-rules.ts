// Who may publish, subscribe to and receive what (contract 2.2-2.3). Every check is a lookup in
// rights built once per login (kept beside the principal object the broker hands back).
import type { Principal } from '../broker/access.js';
import type { AccessDirectory } from './access-directory.js';
import { ACTION_INBOX, deviceRights, type DeviceRights } from './device-rights.js';
import { startsWithHandShake } from './hand-shake-word.js';
import {
  compileIntegrationRights,
  integrationMayPublish,
  integrationMaySubscribe,
  isHubTopic,
  type IntegrationRights,
} from './integration-rights.js';

type DevicePrincipal = Extract<Principal, { kind: 'device' }>;
type IntegrationPrincipal = Extract<Principal, { kind: 'integration' }>;

const NO_RIGHTS: IntegrationRights = {
  publishExact: new Set(),
  publishPrefixes: [],
  publishPatterns: [],
  subscribe: [],
};

export class TopicRules {
  private readonly devices = new WeakMap<DevicePrincipal, DeviceRights>();
  private readonly integrations = new WeakMap<IntegrationPrincipal, IntegrationRights>();

  constructor(private readonly directory: AccessDirectory) {}

  /** Builds the rights of a principal that has just logged in. */
  prepare(principal: Principal): void {
    if (principal.kind === 'device') this.deviceRightsOf(principal);
    if (principal.kind === 'integration') this.integrationRightsOf(principal);
  }

  mayPublish(principal: Principal, topic: string, retain: boolean, payload: Buffer): boolean {
    switch (principal.kind) {
      case 'token':
        if (topic === ACTION_INBOX) return true;
        // Topics under hearth/ are the hub's own: a client forging hearth/devices/<id>/set
        // would command a lock without going through the hub's checks and audit log.
        if (isHubTopic(topic)) return false;
        return principal.scope === 'admin';
      case 'device': {
        const rights = this.deviceRightsOf(principal);
        const retainAllowed = rights.publish.get(topic);
        if (retainAllowed === undefined || (retain && !retainAllowed)) return false;
        return !rights.handShakeOnly || startsWithHandShake(payload);
      }
      case 'integration':
        return integrationMayPublish(this.integrationRightsOf(principal), topic);
    }
  }

  maySubscribe(principal: Principal, filter: string): boolean {
    switch (principal.kind) {
      case 'token':
        return principal.scope === 'admin' || !filter.startsWith('$');
      case 'device': {
        const rights = this.deviceRightsOf(principal);
        if (rights.subscribe.has(filter)) return true;
        // `reply/<action>`, `reply/+`: anything below its own reply prefix is its own.
        const prefix = rights.replyPrefix;
        return prefix !== null && filter.length > prefix.length && filter.startsWith(prefix);
      }
      case 'integration':
        return integrationMaySubscribe(this.integrationRightsOf(principal), filter);
    }
  }

  /**
   * `hearth/devices/<id>/hand_shake` carries a device's secret: only that device receives it,
   * whatever wildcard anyone else subscribed with (a phone's `#` must not collect secrets).
   */
  mayReceive(principal: Principal, topic: string): boolean {
    if (!topic.endsWith('/hand_shake') || !topic.startsWith('hearth/devices/')) return true;
    return principal.kind === 'device' && this.deviceRightsOf(principal).handShakeTopic === topic;
  }

  /** A will is checked like a publish; a joining device may already name its own availability. */
  mayLeaveWill(principal: Principal, topic: string, retain: boolean, payload: Buffer): boolean {
    if (
      principal.kind === 'device' &&
      principal.stage === 'joining' &&
      topic === `hearth/devices/${principal.deviceId}/availability`
    ) {
      // Accepted at CONNECT, published only if allowed when it fires (see aedes-hooks.ts):
      // a device still joining then has no availability to report.
      return true;
    }
    return this.mayPublish(principal, topic, retain, payload);
  }

  private deviceRightsOf(principal: DevicePrincipal): DeviceRights {
    let rights = this.devices.get(principal);
    if (!rights) {
      rights = deviceRights(principal.deviceId, principal.stage);
      this.devices.set(principal, rights);
    }
    return rights;
  }

  private integrationRightsOf(principal: IntegrationPrincipal): IntegrationRights {
    let rights = this.integrations.get(principal);
    if (!rights) {
      const account = this.directory.integration(principal.integrationId);
      rights = account ? compileIntegrationRights(account.rights) : NO_RIGHTS;
      this.integrations.set(principal, rights);
    }
    return rights;
  }
}
