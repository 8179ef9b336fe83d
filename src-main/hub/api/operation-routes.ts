// HTTP routes generated from HubApi: one route per operation, same path, scope and validation
// as the table says, so the API cannot drift from the IPC handlers or the OpenAPI description.
import { Router, type Request } from 'express';
import { hubOperations, operationNames, type OperationName } from '../../shared/hub-api.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { HubCaller } from '../hub-caller.js';
import { addressOf, callerOf, requireScope } from './auth.js';
import { ApiError } from './error-catalogue.js';

export function operationRoutes(hub: HubCaller, tokens: TokenVerifier): Router {
  const router = Router();
  for (const name of operationNames) {
    const op = hubOperations[name];
    router[op.http.method](op.http.path, requireScope(op.scope, tokens), async (req, res) => {
      const caller = op.scope === 'none' ? null : callerOf(req);
      const output = await hub.call(
        name,
        inputOf(name, req),
        caller ?? { kind: 'anonymous', address: addressOf(req) },
      );
      res.json(output);
    });
  }
  return router;
}

function inputOf(name: OperationName, req: Request): unknown {
  // A body that is not JSON would be silently ignored; say what to send instead.
  if (hubOperations[name].http.method !== 'get' && hasBody(req) && !req.is('application/json')) {
    throw new ApiError('unsupported_media_type');
  }
  const fromRequest =
    hubOperations[name].http.method === 'get' ? req.query : ((req.body as unknown) ?? {});
  if (typeof fromRequest !== 'object' || fromRequest === null || Array.isArray(fromRequest)) {
    return fromRequest;
  }
  return { ...fromRequest, ...req.params };
}

function hasBody(req: Request): boolean {
  const length = Number(req.headers['content-length'] ?? 0);
  return length > 0 || req.headers['transfer-encoding'] !== undefined;
}
