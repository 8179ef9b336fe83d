// One OpenAPI operation per HubApi operation, from the same schemas the routes validate with:
// path parameters (with the patterns the hub enforces), a GET's query parameters, a body only
// where the operation takes fields beyond its path, and every status it can answer with.
import type { OperationDef } from '../../../shared/operation-def.js';
import { operationErrors, type ErrorResponses } from './error-responses.js';
import type { JsonSchema, SchemaSet } from './json-schemas.js';

/** `/api/v1/devices/:id/lock` → `/api/v1/devices/{id}/lock`. */
export const openApiPath = (expressPath: string): string =>
  expressPath.replace(/:([A-Za-z0-9_]+)/g, '{$1}');

export const pathParameterNames = (expressPath: string): string[] =>
  [...expressPath.matchAll(/:([A-Za-z0-9_]+)/g)].map((match) => match[1]!);

/** The first path segment after /api/v1, grouping operations for readers (`devices`, `locks`). */
export const tagOf = (path: string): string => /^\/api\/v1\/([^/{]+)/.exec(path)?.[1] ?? 'hub';

export function tableOperation(
  name: string,
  op: OperationDef,
  schemas: SchemaSet,
  errors: ErrorResponses,
): JsonSchema {
  const input = schemas.jsonOf(op.input, 'input');
  const properties = (input.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set((input.required ?? []) as string[]);
  if (input.type !== 'object') throw new Error(`${name}: its input must be an object`);
  const inPath = pathParameterNames(op.http.path);
  const rest = Object.keys(properties).filter((field) => !inPath.includes(field));
  const isGet = op.http.method === 'get';
  const parameters = [
    ...inPath.map((field) => parameter(name, field, 'path', properties[field], true)),
    ...(isGet
      ? rest.map((field) => parameter(name, field, 'query', properties[field], required.has(field)))
      : []),
  ];
  const body =
    !isGet && rest.length > 0
      ? requestBody(input, rest, needsBody(op, inPath, properties, schemas))
      : undefined;
  return {
    operationId: name,
    summary: op.summary,
    tags: [tagOf(op.http.path)],
    security: op.scope === 'none' ? [] : [{ bearer: [] }],
    'x-hearth-scope': op.scope,
    ...(parameters.length > 0 ? { parameters } : {}),
    ...(body ? { requestBody: body } : {}),
    responses: {
      '200': {
        description: 'Done; the answer.',
        content: { 'application/json': { schema: schemas.jsonOf(op.output, 'output') } },
      },
      ...errors.responsesFor(operationErrors(op, parameters.length > 0)),
    },
  };
}

function parameter(
  operation: string,
  field: string,
  where: 'path' | 'query',
  schema: JsonSchema | undefined,
  required: boolean,
): JsonSchema {
  if (!schema) throw new Error(`${operation}: its path names :${field}, which its input lacks`);
  const { description, ...rest } = schema;
  return {
    name: field,
    in: where,
    required,
    ...(typeof description === 'string' ? { description } : {}),
    schema: rest,
  };
}

/**
 * Whether a request with only valid path parameters is refused: then a body is required. Asked
 * of the schema itself, so a rule across fields ("a name, a kind, or both") counts too.
 */
function needsBody(
  op: OperationDef,
  inPath: string[],
  properties: Record<string, JsonSchema>,
  schemas: SchemaSet,
): boolean {
  const pathOnly = Object.fromEntries(
    inPath.map((field) => [field, exampleOf(schemas.resolve(properties[field]!))]),
  );
  return !op.input.safeParse(pathOnly).success;
}

/** A value a path parameter accepts: its documented example, or a short string. */
function exampleOf(schema: JsonSchema): string {
  const examples = schema.examples as string[] | undefined;
  return examples?.[0] ?? 'x'.repeat(Math.max(1, Number(schema.minLength ?? 1)));
}

/** The body: the input's fields that are not in the path. */
function requestBody(input: JsonSchema, fields: string[], required: boolean): JsonSchema {
  const properties = input.properties as Record<string, JsonSchema>;
  const schema: JsonSchema = {
    ...input,
    properties: Object.fromEntries(fields.map((field) => [field, properties[field]])),
  };
  const needed = ((input.required ?? []) as string[]).filter((field) => fields.includes(field));
  if (needed.length > 0) schema.required = needed;
  else delete schema.required;
  return { required, content: { 'application/json': { schema } } };
}
