// One entry point for every HubApi operation, whatever the transport (HTTP, Electron IPC):
// the input is validated against HubApi and the caller's scope checked here, so no transport
// can skip either.
import type { z } from 'zod';
import {
  hubOperations,
  type HubOperations,
  type OperationName,
  type OperationOutput,
  type Scope,
} from '../shared/hub-api.js';
import type { Caller } from './actions/action-types.js';
import { ApiError } from './api/error-catalogue.js';

/** Anonymous callers carry their address, for rate limits (pairing). */
export type CallerIdentity = Caller | { kind: 'anonymous'; address: string };

export type OperationHandlers = {
  [K in OperationName]: (
    input: z.infer<HubOperations[K]['input']>,
    caller: CallerIdentity,
  ) => Promise<OperationOutput<K>> | OperationOutput<K>;
};

export interface HubCaller {
  call<K extends OperationName>(
    name: K,
    input: unknown,
    caller: CallerIdentity,
  ): Promise<OperationOutput<K>>;
}

export function createHubCaller(handlers: OperationHandlers): HubCaller {
  return {
    async call(name, input, caller) {
      const op = hubOperations[name];
      if (!op) throw new ApiError('not_found', `there is no operation "${String(name)}"`);
      if (!allowed(op.scope, caller)) {
        throw new ApiError(caller.kind === 'anonymous' ? 'unauthorized' : 'forbidden');
      }
      const parsed = op.input.parse(input ?? {});
      const handler = handlers[name] as (input: unknown, caller: CallerIdentity) => unknown;
      return (await handler(parsed, caller)) as OperationOutput<typeof name>;
    },
  };
}

function allowed(scope: Scope, caller: CallerIdentity): boolean {
  if (scope === 'none' || caller.kind === 'local') return true;
  if (caller.kind !== 'token') return false;
  return scope === 'control' || caller.scope === 'admin';
}
