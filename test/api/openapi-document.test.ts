// The OpenAPI description on its own: a real validator accepts it, everything in it resolves and
// compiles, and it says what the operation table says. The answers of a running hub are held to
// it by openapi-live.test.ts and by every API test (test/helpers/openapi-check.ts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { Validator } from '@seriousme/openapi-schema-validator';
import { z } from 'zod';
import { hubEventTypes } from '../../src-main/shared/events.js';
import { hubOperations, operationNames } from '../../src-main/shared/hub-api.js';
import { openApiPath } from '../../src-main/hub/api/openapi/table-operations.js';
import { checkAnswer, openApi, validatorOf } from '../helpers/openapi-check.js';

type Json = Record<string, unknown>;

const operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);
const parametersOf = (operation: Json) => (operation.parameters ?? []) as Json[];

/** Follows a `#/…` reference inside the description. */
function resolve(ref: string): unknown {
  return ref
    .slice(2)
    .split('/')
    .reduce<unknown>((node, key) => (node as Json | undefined)?.[key], openApi);
}

function walk(node: unknown, visit: (value: Json, key: string) => void, key = ''): void {
  if (Array.isArray(node)) node.forEach((item) => walk(item, visit, key));
  else if (node && typeof node === 'object') {
    visit(node as Json, key);
    for (const [child, value] of Object.entries(node)) walk(value, visit, child);
  }
}

/** The error codes documented for each status of an operation. */
function documentedCodes(operation: Json): Map<string, string[]> {
  const codes = new Map<string, string[]>();
  for (const [status, response] of Object.entries(operation.responses as Record<string, Json>)) {
    const resolved = (response.$ref ? resolve(response.$ref as string) : response) as Json;
    const schema = (resolved.content as Json | undefined)?.['application/json'] as Json;
    const allOf = (schema?.schema as Json | undefined)?.allOf as Json[] | undefined;
    const narrowed = allOf?.[1] as
      { properties: { error: { properties: { code: { enum: string[] } } } } } | undefined;
    if (narrowed) codes.set(status, narrowed.properties.error.properties.code.enum);
  }
  return codes;
}

describe('the OpenAPI document', () => {
  test('passes a real OpenAPI 3.1 validator', async () => {
    const validator = new Validator();
    const result = await validator.validate(structuredClone(openApi));
    assert.equal(result.valid, true, JSON.stringify(result.errors, null, 2));
    assert.equal(validator.version, '3.1');
  });

  test('every reference resolves, and every schema compiles as strict JSON Schema 2020-12', () => {
    let refs = 0;
    walk(openApi, (node, key) => {
      if (typeof node.$ref === 'string') {
        refs++;
        assert.ok(resolve(node.$ref), `${node.$ref} resolves`);
      }
      if (key === 'schema') assert.doesNotThrow(() => validatorOf(node));
    });
    for (const schema of Object.values(openApi.components.schemas)) validatorOf(schema);
    assert.ok(refs > 100, 'shared shapes are referenced, not repeated');
  });

  test('describes every HubApi operation and every route beside the table', () => {
    const beside = [
      'streamEvents',
      'exportAudit',
      'getOpenApi',
      'uploadPicture',
      'getStrangerImage',
    ];
    const original = ['hello', 'legacyLock', 'legacyUnlock', 'legacyTest', 'getPicture'];
    assert.deepEqual(
      operations.map(({ operation }) => operation.operationId).sort(),
      [...operationNames, ...beside, ...original].sort(),
    );
  });

  test('operation ids are unique, and each path template names exactly its path parameters', () => {
    const ids = operations.map(({ operation }) => operation.operationId);
    assert.equal(new Set(ids).size, ids.length);
    for (const { path, method, operation } of operations) {
      const inTemplate = [...path.matchAll(/\{([^}]+)\}/g)].map((match) => match[1]).sort();
      const declared = parametersOf(operation).filter((p) => p.in === 'path');
      assert.deepEqual(declared.map((p) => p.name).sort(), inTemplate, `${method} ${path}`);
      for (const parameter of declared) assert.equal(parameter.required, true);
    }
  });

  test('path parameters carry the limits the hub enforces', () => {
    for (const { path, method, operation } of operations) {
      for (const parameter of parametersOf(operation).filter((p) => p.in === 'path')) {
        const schema = parameter.schema as Json;
        const resolved = (schema.$ref ? resolve(schema.$ref as string) : schema) as Json;
        assert.ok(
          resolved.pattern ?? resolved.maxLength,
          `${method} ${path} ${String(parameter.name)}`,
        );
      }
    }
    const device = openApi.paths['/api/v1/devices/{id}']!.get as Json;
    assert.deepEqual(parametersOf(device)[0]!.schema, { $ref: '#/components/schemas/DeviceId' });
    assert.equal(openApi.components.schemas.DeviceId!.pattern, '^[A-Za-z0-9._-]{1,64}$');
    assert.equal(openApi.components.schemas.StrangerId!.pattern, '^[0-9a-f]{24}$');
  });

  test('each operation of the table: its query parameters, and a body only where fields remain beyond the path', () => {
    for (const name of operationNames) {
      const op = hubOperations[name];
      const operation = openApi.paths[openApiPath(op.http.path)]![op.http.method] as Json;
      assert.equal(operation.operationId, name);
      const input = z.toJSONSchema(op.input, { io: 'input', unrepresentable: 'any' }) as Json;
      const inPath = [...op.http.path.matchAll(/:(\w+)/g)].map((match) => match[1]!);
      const rest = Object.keys((input.properties ?? {}) as Json).filter((f) => !inPath.includes(f));
      const query = parametersOf(operation)
        .filter((p) => p.in === 'query')
        .map((p) => p.name);
      const body = operation.requestBody as { required: boolean } | undefined;
      if (op.http.method === 'get') {
        assert.deepEqual(query, rest, `${name} lists its query parameters`);
        assert.equal(body, undefined, `${name} has no body`);
        continue;
      }
      assert.deepEqual(query, [], `${name} takes no query`);
      if (rest.length === 0) {
        assert.equal(body, undefined, `${name} takes nothing beyond its path: no body`);
        continue;
      }
      // Required exactly when the path parameters alone are not a valid input.
      const pathOnly = Object.fromEntries(inPath.map((field) => [field, samplePathValue(field)]));
      assert.equal(body?.required, !op.input.safeParse(pathOnly).success, `${name}`);
    }
  });

  test('each operation documents the codes its handler declares and those its scope and body bring', () => {
    for (const name of operationNames) {
      const op = hubOperations[name];
      const codes = documentedCodes(
        openApi.paths[openApiPath(op.http.path)]![op.http.method] as Json,
      );
      const all = [...codes.values()].flat();
      for (const code of op.errors ?? [])
        assert.ok(all.includes(code), `${name} documents ${code}`);
      if (op.scope !== 'none') {
        assert.ok(codes.get('401')?.includes('unauthorized'), `${name}: 401`);
        assert.ok(codes.get('429')?.includes('too_many_attempts'), `${name}: 429`);
      } else {
        assert.ok(!all.includes('unauthorized'), `${name} needs no token`);
      }
      // 403 forbidden: a control token on an admin route, or what the handler refuses itself.
      const refuses = op.scope === 'admin' || (op.errors ?? []).includes('forbidden');
      assert.equal(codes.get('403')?.includes('forbidden') ?? false, refuses, name);
      if (op.http.method !== 'get') {
        for (const [status, code] of [
          ['400', 'invalid_json'],
          ['413', 'payload_too_large'],
          ['415', 'unsupported_media_type'],
        ]) {
          assert.ok(codes.get(status!)?.includes(code!), `${name}: ${status} ${code}`);
        }
      }
      assert.ok(codes.get('500')?.includes('internal'), `${name}: 500`);
    }
  });

  test('the event stream is text/event-stream, with a schema for every event type', () => {
    const stream = openApi.paths['/api/v1/events']!.get as Json;
    const ok = (stream.responses as Record<string, Json>)['200']!.content as Json;
    assert.deepEqual(Object.keys(ok), ['text/event-stream']);
    const union = openApi.components.schemas.HubEvent!.oneOf as Json[];
    const types = union.map((entry) => {
      const event = resolve(entry.$ref as string) as { properties: { type: { const: string } } };
      return event.properties.type.const;
    });
    assert.deepEqual(types.sort(), [...hubEventTypes].sort());
  });

  test('servers, the bearer and camera schemes, and the picture routes answer images', () => {
    assert.ok((openApi.servers as unknown[]).length > 0);
    assert.equal(openApi.components.securitySchemes.bearer!.scheme, 'bearer');
    assert.equal(openApi.components.securitySchemes.camera!.scheme, 'basic');
    for (const path of ['/api/v1/strangers/{id}/image', '/get_pic']) {
      const ok = ((openApi.paths[path]!.get as Json).responses as Record<string, Json>)['200']!;
      assert.deepEqual(Object.keys(ok.content as Json), ['image/jpeg', 'image/png', 'image/webp']);
    }
    const upload = openApi.paths['/api/v1/strangers']!.post as Json;
    assert.deepEqual(upload.security, [{ camera: [] }]);
    assert.equal((upload.requestBody as { required: boolean }).required, true);
  });
});

describe('the check every API test runs on each answer', () => {
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8' });
  const lockAnswer = (status: number, body: unknown, type = headers) =>
    checkAnswer({
      method: 'POST',
      path: '/api/v1/devices/front/lock',
      status,
      headers: type,
      body,
    });
  const error = (code: string) => ({ error: { code, message: 'words' } });

  test('accepts an answer the description describes', () => {
    lockAnswer(200, { id: 'front', state: 'locked', ms: 12 });
    lockAnswer(409, error('jammed'));
    lockAnswer(409, { error: { code: 'offline', message: 'm', params: { name: 'Front door' } } });
  });

  test('fails an answer the description does not describe', () => {
    assert.throws(() => lockAnswer(418, error('jammed')), /status 418 is not documented/);
    assert.throws(() => lockAnswer(409, error('unknown_token')), /does not match/);
    assert.throws(() => lockAnswer(404, error('jammed')), /does not match/);
    assert.throws(() => lockAnswer(200, { id: 'front', state: 'locked', ms: 1, x: 1 }), /match/);
    assert.throws(() => lockAnswer(200, { id: 'front' }), /does not match/);
    const html = new Headers({ 'content-type': 'text/html' });
    assert.throws(() => lockAnswer(200, '<p>', html), /content type "text\/html"/);
    // A method the path does not take must be a 405, and an unknown path a 404.
    const answer = { path: '/api/v1/info', status: 404, headers, body: error('not_found') };
    assert.throws(() => checkAnswer({ ...answer, method: 'POST' }), /405 method_not_allowed/);
    assert.throws(
      () => checkAnswer({ ...answer, method: 'GET', path: '/api/v1/nowhere', status: 200 }),
      /404 not_found/,
    );
  });
});

/** A value each path parameter accepts, to tell a body that is required from one that is not. */
function samplePathValue(field: string): string {
  return field === 'file' ? 'rules.mjs' : field === 'name' ? 'ping' : 'front-door';
}
