// The Express app factory: routes, auth, body limits, errors. No listen() here, so tests and
// the desktop app can mount it as they need.
import express, { type Express, type Router } from 'express';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { HubCaller } from '../hub-caller.js';
import type { Logger } from '../log.js';
import { requireScope } from './auth.js';
import { errorHandler, notFoundHandler } from './error-handler.js';
import type { EventStreams } from './event-stream.js';
import { hostCheck, type HostPolicy } from './host-check.js';
import { legacyRoutes } from './legacy-routes.js';
import { methodNotAllowed } from './method-not-allowed.js';
import { buildOpenApi } from './openapi/document.js';
import { operationRoutes } from './operation-routes.js';
import { securityHeaders } from './security-headers.js';
import { staticPanel } from './static-panel.js';

/** JSON bodies: generous for settings and state import later, small enough to refuse junk. */
export const JSON_BODY_LIMIT_BYTES = 256 * 1024;
export const STATE_BODY_LIMIT_BYTES = 16 * 1024 * 1024;

export interface AppDependencies {
  hub: HubCaller;
  streams: EventStreams;
  tokens: TokenVerifier;
  log: Logger;
  version: string;
  panelDir: string | undefined;
  hostPolicy: HostPolicy;
  /** The audit log as JSON lines, for GET /api/v1/audit/export. */
  exportAudit: () => string;
  /** Stranger picture routes (raw bodies, image bytes): mounted before any body parser. */
  pictureRoutes?: Router;
}

export function createApp(deps: AppDependencies): Express {
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  app.use(securityHeaders());
  app.use(hostCheck(deps.hostPolicy));
  app.use(legacyRoutes(deps.hub, deps.tokens));
  if (deps.pictureRoutes) app.use(deps.pictureRoutes);

  const api = express.Router();
  const openApi = buildOpenApi(deps.version);
  // Before the body parsers: a wrong method is the answer, whatever the body.
  api.use(methodNotAllowed(openApi.paths));
  const json = express.json({ limit: JSON_BODY_LIMIT_BYTES, strict: false });
  // A whole exported state (a large device registry) is the one big JSON body.
  const stateJson = express.json({
    limit: STATE_BODY_LIMIT_BYTES,
    strict: false,
  });
  api.use((req, res, next) =>
    (req.path === '/api/v1/state/import' ||
      (req.method === 'POST' && req.path === '/api/v1/actions')
      ? stateJson
      : json)(req, res, next),
  );
  api.get('/api/v1/events', requireScope('control', deps.tokens), deps.streams.handler());
  // Public (contract 3.2): it holds no secret, and an app reads it before it has a token.
  api.get('/api/v1/openapi.json', (_req, res) => {
    res.json(openApi);
  });
  api.get('/api/v1/audit/export', requireScope('control', deps.tokens), (_req, res) => {
    // The whole audit log still kept, oldest first, one JSON object a line. The type comes
    // after attachment(), which would otherwise set it from the file name (octet-stream).
    res.attachment('hearth-audit.jsonl').type('application/x-ndjson').send(deps.exportAudit());
  });
  api.use(operationRoutes(deps.hub, deps.tokens));
  api.use('/api', notFoundHandler());
  app.use(api);

  app.use(staticPanel(deps.panelDir));
  app.use(notFoundHandler());
  app.use(errorHandler(deps.log.child('http')));
  return app;
}
