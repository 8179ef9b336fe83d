// A dynamic-security.json for Mosquitto's dynsec plugin, rendered from Hearth's accounts, and the
// live commands that keep a running plugin in step. Checked against Debian's Mosquitto 2.0.11
// (test/broker-config/mosquitto-dynsec.test.ts): its dynsec does not substitute %c or %u in ACL
// topics, so every device gets a role with its own literal topics.
import {
  checkBrokerAccounts,
  closedToAnonymous,
  loginDevices,
  type BrokerAccounts,
  type BrokerRight,
} from './broker-accounts.js';
import { isDeviceId } from '../access/device-id.js';
import { parseMosquittoHash } from './mosquitto-password.js';

export const DYNSEC_TOPIC = '$CONTROL/dynamic-security/v1';

type AclType =
  'publishClientSend' | 'publishClientReceive' | 'subscribeLiteral' | 'subscribePattern';
export interface DynsecAcl {
  acltype: AclType;
  topic: string;
  allow: boolean;
  /** Higher is checked first; the first ACL that matches decides. */
  priority?: number;
}
export type DynsecCommand = Record<string, unknown> & { command: string };

const HUB_ROLE = 'hearth-hub';
const ADMIN_ROLE = 'hearth-dynsec-admin';
const JOINING = 'hearth-joining';
const DENY_FIRST = 10;

const allow = (acltype: AclType, topic: string): DynsecAcl => ({ acltype, topic, allow: true });
const deny = (acltype: AclType, topic: string): DynsecAcl => ({
  acltype,
  topic,
  allow: false,
  priority: DENY_FIRST,
});
/** Subscribe to and receive messages on `filter`. */
const read = (filter: string): DynsecAcl[] => [
  allow('subscribePattern', filter),
  allow('publishClientReceive', filter),
];

/** An approved device's own topics (contract 2.3.4), literally: dynsec 2.0 has no %u. */
export function deviceRoleAcls(id: string): DynsecAcl[] {
  const own = `hearth/devices/${id}`;
  return [
    ...['state', 'availability', 'stranger', 'action'].map((name) =>
      allow('publishClientSend', `${own}/${name}`),
    ),
    ...[`${own}/set`, `${own}/hand_shake`, `${own}/reply/#`].flatMap(read),
  ];
}

/** What the anonymous group may no longer do with the id of a device that logs in now. */
export function closedIdAcls(id: string): DynsecAcl[] {
  const own = `hearth/devices/${id}`;
  return [
    deny('publishClientSend', `${own}/action`),
    deny('subscribePattern', `${own}/hand_shake`),
    deny('publishClientReceive', `${own}/hand_shake`),
  ];
}

// Joining (contract 2.3.1). dynsec cannot tie these to the client's own id, so any anonymous
// client may use any id's joining topics; the wildcard subscription itself is refused so that a
// listener has to know or guess an id rather than hear every hand_shake.
const JOINING_ACLS: DynsecAcl[] = [
  deny('subscribeLiteral', 'hearth/devices/+/hand_shake'),
  allow('publishClientSend', 'hearth/devices/+/action'),
  ...read('hearth/devices/+/hand_shake'),
];

function integrationAcls(rights: ReadonlyArray<BrokerRight>): DynsecAcl[] {
  return [
    // Whatever the owner granted: under hearth/ only the hub (and devices, their own topics)
    // write, and a hand_shake can carry a device's secret.
    deny('publishClientSend', 'hearth/#'),
    deny('publishClientReceive', 'hearth/devices/+/hand_shake'),
    ...rights.flatMap((right) => [
      ...(right.publish ? [allow('publishClientSend', right.filter)] : []),
      ...(right.subscribe ? read(right.filter) : []),
    ]),
  ];
}

const NOTES = [
  'dynsec in Mosquitto 2.0.11 does not substitute %c or %u in ACL topics, so joining rights ' +
    'cannot be tied to the client id: any anonymous client may publish any hearth/devices/<id>/' +
    'action and subscribe to any single hearth/devices/<id>/hand_shake (not to a wildcard). It ' +
    'can therefore act as a joining device (pending, rejected, or approved and not logged in ' +
    'yet, whose hand_shake carries its secret) if it knows or guesses its id, without ' +
    'disconnecting it.',
  'Devices that log in with their secret are closed to anonymous clients (deny ACLs). Each ' +
    'device client is bound to its own client id and has only its own topics, so no device ' +
    "reaches another device's topics, $SYS or $CONTROL.",
  'Mosquitto lets any client use any client id and disconnects the older connection with that ' +
    'id: an anonymous client can still disconnect a connected device or the hub (contract 2.3.1 "never ' +
    'takes over" is not enforced). mosquitto.conf needs allow_anonymous true for joining.',
  'Integration accounts get exactly their rights, except that they never publish under ' +
    "hearth/ and never receive a device's hand_shake. A '$SYS/#' subscription of the hub or of " +
    "an integration with a '#' right is granted but delivers nothing: '#' never matches $ topics.",
  'Mosquitto reads this file at start only (2.0.11 does not reread it on SIGHUP) and rewrites ' +
    'it itself after every live command: a running broker is changed with dynsecCommands.',
  'A change to a role of the anonymous group (closing or reopening an id) makes dynsec ' +
    'disconnect every anonymous client, i.e. devices that are joining; they reconnect.',
  'Not enforced: clean sessions for devices, the limit on retained messages, payloads. API ' +
    "tokens (username 'token') cannot log in: Mosquitto cannot check them.",
];

export function renderMosquittoDynsec(accounts: BrokerAccounts): { json: string; notes: string[] } {
  checkBrokerAccounts(accounts);
  const byName = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : 1);
  const devices = loginDevices(accounts).sort(byName);
  const integrations = accounts.integrations.filter((i) => i.brokerHash !== null).sort(byName);
  const notes = [...NOTES];
  const unusable = [
    ...accounts.devices.filter((d) => d.status === 'approved' && d.brokerHash === null),
    ...accounts.integrations.filter((i) => i.brokerHash === null),
  ].map((account) => account.id);
  if (unusable.length > 0) {
    notes.push(`Without a known secret, these cannot log in yet: ${unusable.join(', ')}.`);
  }

  const password = (hash: string): { password: string; salt: string; iterations: number } => {
    const parts = parseMosquittoHash(hash)!; // checkBrokerAccounts has parsed each hash
    return { password: parts.hash, salt: parts.salt, iterations: parts.iterations };
  };
  const config = {
    defaultACLAccess: {
      publishClientSend: false,
      publishClientReceive: false,
      subscribe: false,
      unsubscribe: true,
    },
    clients: [
      {
        username: accounts.hub.username,
        textName: 'Hearth hub',
        ...password(accounts.hub.passwordHash),
        roles: [{ rolename: HUB_ROLE }, { rolename: ADMIN_ROLE }],
      },
      ...devices.map((d) => ({
        username: d.id,
        clientid: d.id,
        textName: `Hearth device ${d.id}`,
        ...password(d.brokerHash!),
        roles: [{ rolename: `device:${d.id}` }],
      })),
      ...integrations.map((i) => ({
        username: i.username,
        textName: `Hearth integration ${i.id}`,
        ...password(i.brokerHash!),
        roles: [{ rolename: i.username }],
      })),
    ],
    groups: [
      {
        groupname: JOINING,
        textName: 'Devices joining (anonymous)',
        roles: [{ rolename: JOINING }],
      },
    ],
    anonymousGroup: JOINING,
    roles: [
      // The hub: '#' never matches $ topics; the admin role adds the plugin's own API only.
      {
        rolename: HUB_ROLE,
        acls: [allow('publishClientSend', '#'), ...read('#')],
      },
      {
        rolename: ADMIN_ROLE,
        acls: [
          allow('publishClientSend', '$CONTROL/dynamic-security/#'),
          ...read('$CONTROL/dynamic-security/#'),
        ],
      },
      {
        rolename: JOINING,
        acls: [
          ...closedToAnonymous(accounts)
            .sort(byName)
            .flatMap((d) => closedIdAcls(d.id)),
          ...JOINING_ACLS,
        ],
      },
      ...devices.map((d) => ({ rolename: `device:${d.id}`, acls: deviceRoleAcls(d.id) })),
      ...integrations.map((i) => ({ rolename: i.username, acls: integrationAcls(i.rights) })),
    ],
  };
  return { json: `${JSON.stringify(config, null, 2)}\n`, notes };
}

function checkedId(id: string): string {
  if (!isDeviceId(id)) throw new Error(`device id ${JSON.stringify(id)} is not a device id`);
  return id;
}

/**
 * Commands for a running plugin, published as `{"commands": [...]}` on DYNSEC_TOPIC by a client
 * with the admin role (the hub); replies arrive on `${DYNSEC_TOPIC}/response`, one per command,
 * each applied on its own (an error such as "Client already exists" or "ACL not found" stops
 * nothing else). A re-pair is removeDevice, then addDevice with the new secret.
 */
export const dynsecCommands = {
  /** An approved device gets its role and its client (bound to its id), with its secret. */
  addDevice(id: string, secret: string): DynsecCommand[] {
    const rolename = `device:${checkedId(id)}`;
    return [
      { command: 'createRole', rolename, acls: deviceRoleAcls(id) },
      {
        command: 'createClient',
        username: id,
        password: secret,
        clientid: id,
        roles: [{ rolename }],
      },
    ];
  },
  /**
   * After the device's first login: its id is closed to anonymous clients. As any change to the
   * anonymous group's role, this disconnects every anonymous client (checked with 2.0.11).
   */
  closeJoining(id: string): DynsecCommand[] {
    return closedIdAcls(checkedId(id)).map((acl) => ({
      command: 'addRoleACL',
      rolename: JOINING,
      ...acl,
    }));
  },
  /** A removed or re-paired device: its client and role go, its id is open for joining again. */
  removeDevice(id: string): DynsecCommand[] {
    const rolename = `device:${checkedId(id)}`;
    return [
      { command: 'deleteClient', username: id },
      { command: 'deleteRole', rolename },
      ...closedIdAcls(id).map(({ acltype, topic }) => ({
        command: 'removeRoleACL',
        rolename: JOINING,
        acltype,
        topic,
      })),
    ];
  },
};
