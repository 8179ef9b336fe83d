// Who the external broker must know, read from the hub's state: Hearth's own account, every
// device (approved ones with their secret's broker hash), every integration account.
import { INTEGRATION_USERNAME_PREFIX } from '../access/connect-rules.js';
import type { HubState } from '../store/state-schema.js';
import type { BrokerAccounts } from './broker-accounts.js';

export function accountsFromState(
  state: Pick<HubState, 'devices' | 'integrations'>,
  hub: BrokerAccounts['hub'],
): BrokerAccounts {
  return {
    hub,
    devices: Object.values(state.devices).map((device) => ({
      id: device.id,
      status: device.status,
      brokerHash: device.status === 'approved' ? device.brokerHash : null,
      awaitingFirstLogin: device.status === 'approved' && !device.secretUsed,
    })),
    integrations: Object.values(state.integrations).map((integration) => ({
      id: integration.id,
      username: `${INTEGRATION_USERNAME_PREFIX}${integration.id}`,
      brokerHash: integration.brokerHash,
      rights: integration.rights,
    })),
  };
}

/** Approved devices Hearth cannot export (their secret predates broker hashes): re-pair them. */
export function devicesNeedingRepair(state: Pick<HubState, 'devices'>): string[] {
  return Object.values(state.devices)
    .filter((device) => device.status === 'approved' && device.brokerHash === null)
    .map((device) => device.id);
}
