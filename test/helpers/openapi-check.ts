// Holds every answer the API tests receive to the hub's OpenAPI description: its status must be
// documented for that method and path, its content type too, and a JSON body must match the
// documented schema (for an error, the codes documented for that status). An answer the
// description does not describe throws, so the test that received it fails.
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import { buildOpenApi } from '../../src-main/hub/api/openapi/document.js';
import { HUB_VERSION } from '../../src-main/hub/version.js';

type Json = Record<string, unknown>;

/** The description the hub serves (a test checks that it serves exactly this). */
export const openApi = buildOpenApi(HUB_VERSION);

const COMPONENTS_ID = 'urn:hearth:openapi';

// The components as one JSON Schema document, so that `$ref`s between them resolve.
const ajv = new Ajv2020({ strict: true, allowUnionTypes: true, allErrors: true });
ajv.addSchema({ $id: COMPONENTS_ID, $defs: rebase(openApi.components.schemas) });
const validators = new Map<unknown, ValidateFunction>();

/** Compiles (once) a schema from the description, its references pointing at the components. */
export function validatorOf(schema: unknown): ValidateFunction {
  let validate = validators.get(schema);
  if (!validate) {
    validate = ajv.compile(rebase(schema) as Json);
    validators.set(schema, validate);
  }
  return validate;
}

function rebase(value: unknown): unknown {
  return JSON.parse(
    JSON.stringify(value).replaceAll('"#/components/schemas/', `"${COMPONENTS_ID}#/$defs/`),
  );
}

export interface ReceivedAnswer {
  method: string;
  /** The URL's path, without the query. */
  path: string;
  status: number;
  headers: Headers;
  /** Parsed JSON, or text; undefined when the body was not read (an event stream, a picture). */
  body: unknown;
}

const templates = Object.keys(openApi.paths).map((template) => ({
  template,
  pattern: new RegExp(`^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
  // Express tries routes in order; the literal path (`/tokens/current`) is meant over a template.
  literal: !template.includes('{'),
}));

/** Throws when the description does not describe this answer. */
export function checkAnswer(answer: ReceivedAnswer): void {
  const where = `${answer.method} ${answer.path} → ${answer.status}`;
  const method = answer.method.toLowerCase();
  const matching = templates.filter((entry) => entry.pattern.test(answer.path));
  if (matching.length === 0) {
    // Not an API path: the one answer is the hub's plain 404.
    expectError(where, answer, 404, 'not_found');
    return;
  }
  const route = matching
    .filter((entry) => openApi.paths[entry.template]![method])
    .sort((a, b) => Number(b.literal) - Number(a.literal))[0];
  if (!route) {
    expectError(where, answer, 405, 'method_not_allowed');
    return;
  }
  const operation = openApi.paths[route.template]![method] as Json;
  const responses = operation.responses as Record<string, Json>;
  const documented = responses[String(answer.status)];
  if (!documented) {
    fail(
      `${where}: status ${answer.status} is not documented for ${String(operation.operationId)} (it documents ${Object.keys(responses).join(', ')})`,
    );
  }
  const response = resolve(documented);
  const content = response.content as Record<string, Json> | undefined;
  const type = (answer.headers.get('content-type') ?? '').split(';')[0]!.trim();
  if (!content) {
    if (answer.body !== undefined && answer.body !== null && answer.body !== '') {
      fail(`${where}: the description says this answer has no body`);
    }
    return;
  }
  const media = content[type];
  if (!media) {
    fail(`${where}: content type "${type}" is not documented (${Object.keys(content).join(', ')})`);
  }
  if (media.schema === undefined || answer.body === undefined) return;
  const validate = validatorOf(media.schema);
  if (!validate(answer.body)) {
    fail(
      `${where}: the body does not match the description: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(answer.body).slice(0, 600)}`,
    );
  }
}

/** Each event on the stream must match the HubEvent schema. */
export function checkEvent(event: unknown): void {
  const validate = validatorOf({ $ref: '#/components/schemas/HubEvent' });
  if (!validate(event)) {
    fail(
      `an event does not match HubEvent: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(event).slice(0, 600)}`,
    );
  }
}

function expectError(where: string, answer: ReceivedAnswer, status: number, code: string): void {
  const body = answer.body as { error?: { code?: unknown } } | undefined;
  if (answer.status !== status || body?.error?.code !== code) {
    fail(`${where}: the description has no such route (only ${status} ${code} would be expected)`);
  }
  if (status === 405 && !answer.headers.get('allow')) fail(`${where}: a 405 without Allow`);
  const validate = validatorOf({ $ref: '#/components/schemas/Error' });
  if (!validate(answer.body)) fail(`${where}: ${ajv.errorsText(validate.errors)}`);
}

function resolve(response: Json): Json {
  const ref = response.$ref;
  if (typeof ref !== 'string') return response;
  const name = ref.replace('#/components/responses/', '');
  const found = openApi.components.responses[name];
  if (!found) fail(`the description refers to a missing response ${ref}`);
  return found;
}

function fail(message: string): never {
  throw new Error(`OpenAPI: ${message}`);
}

/**
 * fetch, with the answer checked against the description before the test sees it. The test
 * still reads the answer as usual; an event stream is checked by its status and type only.
 */
export async function checkedFetch(url: string | URL, init: RequestInit = {}): Promise<Response> {
  const response = await fetch(url, init);
  const answer = {
    method: init.method ?? 'GET',
    path: new URL(url).pathname,
    status: response.status,
    headers: response.headers,
  };
  const type = response.headers.get('content-type') ?? '';
  if (/^text\/event-stream|^image\//.test(type) || answer.method === 'HEAD') {
    checkAnswer({ ...answer, body: undefined });
    return response;
  }
  const text = await response.clone().text();
  checkAnswer({ ...answer, body: bodyOf(type, text) });
  return response;
}

/** The body as the description describes it: JSON parsed, anything else as text. */
export function bodyOf(contentType: string, text: string): unknown {
  if (!/^application\/json/.test(contentType)) return text;
  return text === '' ? null : (JSON.parse(text) as unknown);
}
