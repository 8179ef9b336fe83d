import { builtInActionDescriptions } from '../../../shared/messages/built-in-actions.js';
import type { ActionDefinition } from '../action-types.js';

/** Proves the whole path: inbox -> dispatcher -> reply topic. */
export const pingAction: ActionDefinition = {
  name: 'ping',
  description: builtInActionDescriptions.ping,
  permission: 'anyone',
  devicesMayRun: true,
  source: 'built-in',
  run: () => 'pong',
};
