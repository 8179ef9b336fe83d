// GET /api/v1/openapi.json, generated from HubApi (so it always says what the routes do).
import { z } from 'zod';
import { hubOperations, operationNames } from '../../shared/hub-api.js';
import { ApiErrorBodySchema } from '../../shared/errors.js';

export function buildOpenApi(version: string): object {
  const paths: Record<string, Record<string, object>> = {};
  for (const name of operationNames) {
    const op = hubOperations[name];
    const path = op.http.path.replace(/:([A-Za-z0-9_]+)/g, '{$1}');
    const params = [...op.http.path.matchAll(/:([A-Za-z0-9_]+)/g)].map((m) => ({
      name: m[1],
      in: 'path',
      required: true,
      schema: { type: 'string' },
    }));
    const inputSchema = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' });
    paths[path] ??= {};
    paths[path][op.http.method] = {
      operationId: name,
      summary: op.summary,
      security: op.scope === 'none' ? [] : [{ bearer: [] }],
      'x-hearth-scope': op.scope,
      parameters: params,
      ...(op.http.method === 'get'
        ? {}
        : { requestBody: { content: { 'application/json': { schema: inputSchema } } } }),
      responses: {
        '200': {
          description: 'OK',
          content: {
            'application/json': {
              schema: z.toJSONSchema(op.output, { io: 'output', unrepresentable: 'any' }),
            },
          },
        },
        default: {
          description: 'An error: {"error":{"code","message"}}',
          content: { 'application/json': { schema: z.toJSONSchema(ApiErrorBodySchema) } },
        },
      },
    };
  }
  return {
    openapi: '3.1.0',
    info: { title: 'Hearth hub API', version },
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } } },
    paths,
  };
}
