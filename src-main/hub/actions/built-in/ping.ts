import type { ActionDefinition } from '../action-types.js';

/** Proves the whole path: inbox -> dispatcher -> reply topic. */
export const pingAction: ActionDefinition = {
  name: 'ping',
  description: 'Replies "pong".',
  permission: 'anyone',
  devicesMayRun: true,
  source: 'built-in',
  run: () => 'pong',
};
