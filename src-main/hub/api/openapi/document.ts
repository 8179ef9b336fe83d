// GET /api/v1/openapi.json: the API described from the same table and schemas the routes use,
// so that it says exactly what the hub does (checked against every answer in the API tests).
import { hubOperations, operationNames } from '../../../shared/hub-api.js';
import { ErrorResponses } from './error-responses.js';
import { extraRoutes } from './extra-routes.js';
import { convertSchemas, type JsonSchema } from './json-schemas.js';
import { inputExamples, inputSchemas, outputSchemas } from './named-schemas.js';
import { openApiPath, tableOperation } from './table-operations.js';

export interface OpenApiDocument {
  openapi: string;
  info: JsonSchema;
  paths: Record<string, Record<string, JsonSchema>>;
  components: {
    schemas: Record<string, JsonSchema>;
    responses: Record<string, JsonSchema>;
    securitySchemes: Record<string, JsonSchema>;
  };
  [key: string]: unknown;
}

const DESCRIPTION = [
  "The LAN API of a Hearth hub, for the owner's phone app, scripts and the control panel.",
  "Send `Authorization: Bearer <token>`: the admin token, or a phone's own `control` token from pairing (`POST /api/v1/pair`). Scopes: `x-hearth-scope` on each operation (`admin` can do everything `control` can).",
  'Every error is `{"error":{"code","message","params"?}}`: each operation lists, per status, the codes it can answer with; `message` is English for people, `code` and `params` are for programs.',
  "Live events: `GET /api/v1/events` (Server-Sent Events, schema HubEvent). Pictures: each sighting's `url` is a signed link that needs no token until it expires.",
].join('\n\n');

export function buildOpenApi(version: string): OpenApiDocument {
  const each = (part: 'input' | 'output') =>
    Object.fromEntries(operationNames.map((name) => [name, hubOperations[name][part]]));
  const schemas = convertSchemas({
    output: { named: outputSchemas, inline: each('output') },
    input: { named: inputSchemas, inline: each('input') },
  });
  for (const [name, example] of Object.entries(inputExamples)) {
    schemas.components[name]!.examples = [example];
  }
  const errors = new ErrorResponses();
  const paths: Record<string, Record<string, JsonSchema>> = {};
  for (const name of operationNames) {
    const op = hubOperations[name];
    const path = openApiPath(op.http.path);
    paths[path] = { ...paths[path], [op.http.method]: tableOperation(name, op, schemas, errors) };
  }
  for (const [path, methods] of Object.entries(extraRoutes(errors))) {
    for (const method of Object.keys(methods)) {
      if (paths[path]?.[method]) throw new Error(`${method} ${path} is described twice`);
    }
    paths[path] = { ...paths[path], ...methods };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hearth hub API', version, description: DESCRIPTION },
    servers: [
      { url: '/', description: 'The hub this description was read from.' },
      {
        url: '{scheme}://{address}:{port}',
        description: 'A hub on the LAN, by address (the pairing answer lists them).',
        variables: {
          scheme: { enum: ['http', 'https'], default: 'http' },
          address: {
            default: 'localhost',
            description: "The hub's LAN address, or its mDNS name hearth-<id>.local.",
          },
          port: { default: '8080', description: '--http-port (8080), or --https-port.' },
        },
      },
    ],
    security: [{ bearer: [] }],
    paths,
    components: {
      schemas: schemas.components,
      responses: errors.components,
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            "An API token: the admin token, a phone's token from pairing, or a browser's session.",
        },
        camera: {
          type: 'http',
          scheme: 'basic',
          description: 'A camera: its device id and the secret it was given when it was approved.',
        },
      },
    },
  };
}
