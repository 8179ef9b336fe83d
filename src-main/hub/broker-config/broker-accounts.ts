// Who may log in to an external Mosquitto and what each may do: the input of the renderers in
// this folder (mosquitto-acl.ts, mosquitto-dynsec.ts). Also the checks both renderers run first,
// so that no name from Hearth's state can ever break or widen a generated file.
import { isDeviceId } from '../access/device-id.js';
import { parseMosquittoHash } from './mosquitto-password.js';

export type BrokerDeviceStatus = 'pending' | 'approved' | 'rejected';

export interface BrokerDevice {
  /** The device id = its MQTT client id = its username once approved (contract 2.2, 2.3). */
  id: string;
  status: BrokerDeviceStatus;
  /** `$7$…` of its secret; null = not known (approved before this feature, or no secret yet). */
  brokerHash: string | null;
  /**
   * True between approval and the device's first login with its secret: the hub still answers
   * its `hand_shake` with `approved <secret>` (contract 2.3.3), so its anonymous joining topics
   * stay open. Once false, nobody may use them anonymously any more. Default false.
   */
  awaitingFirstLogin?: boolean;
}

export interface BrokerRight {
  /** An MQTT topic filter. */
  filter: string;
  publish: boolean;
  subscribe: boolean;
}

export interface BrokerIntegration {
  id: string;
  /** `integration:<id>` */
  username: string;
  brokerHash: string | null;
  rights: ReadonlyArray<BrokerRight>;
}

export interface BrokerAccounts {
  /** The hub's own login: the privileged client. */
  hub: { username: string; passwordHash: string };
  devices: ReadonlyArray<BrokerDevice>;
  integrations: ReadonlyArray<BrokerIntegration>;
}

// Hub and device usernames must be safe in the password file (no ':'), in ACL lines (no space,
// no newline) and as a topic level (no '/', '+', '#', '%', '$'); the device id rule is all that.
const INTEGRATION_USERNAME = /^integration:([A-Za-z0-9._-]{1,64})$/;

/** Throws with a clear message on anything a renderer must not write; returns nothing. */
export function checkBrokerAccounts(accounts: BrokerAccounts): void {
  const usernames = new Set<string>();
  const claim = (username: string, what: string): void => {
    if (usernames.has(username)) throw new Error(`${what}: username "${username}" is used twice`);
    usernames.add(username);
  };

  if (!isDeviceId(accounts.hub.username)) {
    throw new Error(
      `hub username ${JSON.stringify(accounts.hub.username)} must be 1-64 of A-Z a-z 0-9 - _ .`,
    );
  }
  checkHash(accounts.hub.passwordHash, 'hub');
  claim(accounts.hub.username, 'hub');

  for (const device of accounts.devices) {
    if (!isDeviceId(device.id)) {
      throw new Error(`device id ${JSON.stringify(device.id)} must be 1-64 of A-Z a-z 0-9 - _ .`);
    }
    if (!['pending', 'approved', 'rejected'].includes(device.status)) {
      throw new Error(`device ${device.id}: unknown status ${JSON.stringify(device.status)}`);
    }
    if (device.brokerHash !== null) checkHash(device.brokerHash, `device ${device.id}`);
    claim(device.id, `device ${device.id}`);
  }

  const integrationIds = new Set<string>();
  for (const integration of accounts.integrations) {
    const match = INTEGRATION_USERNAME.exec(integration.username);
    if (!match || match[1] !== integration.id) {
      throw new Error(
        `integration ${JSON.stringify(integration.id)}: username must be "integration:<id>" ` +
          `with an id of 1-64 of A-Z a-z 0-9 - _ . (got ${JSON.stringify(integration.username)})`,
      );
    }
    if (integrationIds.has(integration.id)) {
      throw new Error(`integration id "${integration.id}" is used twice`);
    }
    integrationIds.add(integration.id);
    if (integration.brokerHash !== null) {
      checkHash(integration.brokerHash, `integration ${integration.id}`);
    }
    for (const right of integration.rights) checkFilter(right.filter, integration.id);
    claim(integration.username, `integration ${integration.id}`);
  }
}

function checkHash(hash: string, what: string): void {
  if (parseMosquittoHash(hash) === null) {
    throw new Error(`${what}: the broker password hash is not a Mosquitto $7$ hash`);
  }
}

/**
 * A valid MQTT filter that cannot change meaning in the file: no `$` topics (a right on
 * `$CONTROL/#` would hand over the broker's own accounts), no '%' (later Mosquitto versions
 * substitute %c/%u in dynsec ACLs), no control characters. Spaces are fine: only the dynsec
 * JSON holds integration rights.
 */
export function checkFilter(filter: string, integrationId: string): void {
  const fail = (why: string): never => {
    throw new Error(`integration ${integrationId}: topic filter ${JSON.stringify(filter)} ${why}`);
  };
  if (filter.length === 0 || filter.length > 1024) fail('must be 1-1024 characters');
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f\u007f]/.test(filter)) fail('must not hold control characters');
  if (filter.startsWith('$')) fail('must not reach $ topics');
  if (filter.includes('%')) fail("must not hold '%'");
  const levels = filter.split('/');
  levels.forEach((level, index) => {
    if (level.includes('#') && (level !== '#' || index !== levels.length - 1)) {
      fail("may hold '#' only as its whole last level");
    }
    if (level.includes('+') && level !== '+') fail("may hold '+' only as a whole level");
  });
}

/** The devices that log in with a username and password: approved, with a known secret. */
export function loginDevices(accounts: BrokerAccounts): BrokerDevice[] {
  return accounts.devices.filter((d) => d.status === 'approved' && d.brokerHash !== null);
}

/**
 * The devices whose ids anonymous clients may no longer use: they log in with their secret
 * now, so anything arriving anonymously under their id would be an impostor.
 */
export function closedToAnonymous(accounts: BrokerAccounts): BrokerDevice[] {
  return loginDevices(accounts).filter((d) => d.awaitingFirstLogin !== true);
}
