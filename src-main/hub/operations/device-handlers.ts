// Devices, joining and integration accounts.
import type { OperationHandlers } from '../hub-caller.js';
import type { IntegrationAccounts } from '../access/integration-accounts.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import type { PermitJoin } from '../devices/permit-join.js';
import { ApiError } from '../api/error-catalogue.js';

export interface DeviceServices {
  registry: DeviceRegistry;
  permitJoin: PermitJoin;
  integrations: IntegrationAccounts;
}

type DeviceHandlers = Pick<
  OperationHandlers,
  | 'listDevices'
  | 'getDevice'
  | 'updateDevice'
  | 'removeDevice'
  | 'approveDevice'
  | 'rejectDevice'
  | 'repairDevice'
  | 'openPermitJoin'
  | 'getPermitJoin'
  | 'createIntegration'
  | 'listIntegrations'
  | 'deleteIntegration'
>;

export function deviceHandlers({
  registry,
  permitJoin,
  integrations,
}: DeviceServices): DeviceHandlers {
  return {
    listDevices: () => ({ devices: registry.list() }),
    getDevice: ({ id }) => registry.get(id),
    updateDevice: ({ id, name, kind }) => registry.update(id, { name, kind }),
    removeDevice: ({ id }) => {
      registry.remove(id);
      return { removed: id };
    },
    approveDevice: ({ id }) => registry.approve(id),
    rejectDevice: ({ id }) => registry.reject(id),
    repairDevice: ({ id }) => registry.repair(id),
    openPermitJoin: ({ seconds }) => permitJoin.open(seconds),
    getPermitJoin: () => permitJoin.view(),
    createIntegration: (input) => integrations.create(input),
    listIntegrations: () => ({ integrations: integrations.list() }),
    deleteIntegration: ({ id }) => {
      if (!integrations.remove(id)) throw new ApiError('unknown_integration');
      return { removed: id };
    },
  };
}
