// The hub's own operations: info, status and actions.
import type { OperationHandlers } from '../hub-caller.js';
import type { ActionDispatcher } from '../actions/dispatcher.js';
import type { ActionCatalog } from '../actions/files/action-catalog.js';
import type { HubBroker } from '../broker/hub-broker.js';
import type { HubInfo } from '../../shared/hub-api.js';
import type { Warnings } from '../warnings.js';
import { ApiError } from '../api/error-catalogue.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';

export interface CoreServices {
  eventStreams: () => number;
  info: () => HubInfo;
  startedAt: number;
  bus: HubBroker;
  warnings: Warnings;
  actions: ActionCatalog;
  dispatcher: ActionDispatcher;
}

type CoreHandlers = Pick<OperationHandlers, 'getInfo' | 'getStatus' | 'listActions' | 'runAction'>;

export function coreHandlers(services: CoreServices): CoreHandlers {
  return {
    getInfo: () => services.info(),
    getStatus: () => ({
      uptimeSeconds: Math.round((Date.now() - services.startedAt) / 1000),
      broker: {
        connectedClients: services.bus.connectedClients,
        connection: services.bus.connection,
      },
      eventStreams: services.eventStreams(),
      warnings: services.warnings.list(),
    }),
    listActions: () => ({
      actions: services.actions.list().map((action) => ({
        name: action.name,
        description: action.description,
        permission: action.permission,
        devicesMayRun: action.devicesMayRun,
        source: action.source === 'built-in' ? 'built-in' : action.source.file,
        figures: services.actions.figuresOf(action.name),
      })),
    }),
    runAction: async (input, caller) => {
      if (caller.kind === 'anonymous') throw new ApiError('unauthorized');
      const outcome = await services.dispatcher.run(input.name, input.args, caller);
      if (outcome.ok) return { reply: outcome.reply };
      // The problem and its parameters let the panel say exactly what went wrong.
      throw new ApiError(
        outcome.code === 'bad_message' ? 'bad_request' : outcome.code,
        outcome.message,
        {
          problem: outcome.problem.problem,
          ...(outcome.problem.params as MessageParams),
        },
      );
    },
  };
}
