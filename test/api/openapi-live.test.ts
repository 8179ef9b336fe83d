// A running hub against its OpenAPI description, route by route as an OpenAPI-driven fuzzer
// would go: the description is public, a wrong method is a 405 with Allow, a route without its
// token, a path parameter outside its pattern, a missing body and a bad query are refused as
// described, and nothing changes meanwhile. Every answer goes through checkedFetch.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { api } from '../helpers/devices.js';
import { TEST_ADMIN_TOKEN } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch, checkEvent, openApi } from '../helpers/openapi-check.js';
import { joinDevice } from '../strangers/support/camera.js';
import { jpeg } from '../strangers/support/pictures.js';

type Json = Record<string, unknown>;

let hub: TestHub;
before(async () => {
  hub = await startTestHub();
});
after(() => hub.close());

const operations = Object.entries(openApi.paths).flatMap(([path, methods]) =>
  Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
);
const parametersOf = (operation: Json) => (operation.parameters ?? []) as Json[];
const auth = { authorization: `Bearer ${TEST_ADMIN_TOKEN}` };

/** The path with each parameter filled: by its documented example, or as `fill` says. */
function concrete(path: string, operation: Json, fill?: (name: string) => string): string {
  return path.replace(/\{([^}]+)\}/g, (_m, name: string) => {
    if (fill) return encodeURIComponent(fill(name));
    const parameter = parametersOf(operation).find((p) => p.name === name)!;
    const ref = (parameter.schema as Json).$ref as string | undefined;
    const component = ref ? openApi.components.schemas[ref.split('/').pop()!] : undefined;
    return encodeURIComponent(((component?.examples as string[]) ?? ['nothing-here'])[0]!);
  });
}

/** The methods every described path matching this concrete path takes (as Express routes it). */
function methodsAt(concretePath: string): Set<string> {
  const methods = new Set<string>();
  for (const [template, described] of Object.entries(openApi.paths)) {
    const pattern = new RegExp(
      `^${template.replace(/\./g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`,
    );
    if (pattern.test(concretePath)) for (const m of Object.keys(described)) methods.add(m);
  }
  return methods;
}

async function hubState(): Promise<unknown> {
  const exported = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export');
  assert.equal(exported.status, 200);
  return exported.body;
}

describe('the hub against its OpenAPI description', () => {
  test('GET /api/v1/openapi.json needs no token and is the generated description', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/openapi.json`);
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), JSON.parse(JSON.stringify(openApi)));
  });

  test('a method a described path does not take: 405 with Allow, nothing changed', async () => {
    const state = await hubState();
    for (const [path, described] of Object.entries(openApi.paths)) {
      const url = concrete(path, Object.values(described)[0] as Json);
      const allowed = methodsAt(url);
      for (const method of [
        'put',
        ...['get', 'post', 'patch', 'delete'].filter((m) => !allowed.has(m)).slice(0, 1),
      ]) {
        const response = await checkedFetch(`${hub.httpUrl}${url}`, {
          method: method.toUpperCase(),
          headers: auth,
        });
        assert.equal(response.status, 405, `${method} ${url}`);
        const expected = [...allowed].map((m) => m.toUpperCase());
        if (allowed.has('get')) expected.push('HEAD');
        assert.deepEqual(response.headers.get('allow')!.split(', ').sort(), expected.sort(), url);
        const body = (await response.json()) as { error: { code: string; message: string } };
        assert.equal(body.error.code, 'method_not_allowed');
      }
    }
    assert.deepEqual(await hubState(), state);
  });

  test('without credentials, every route that needs them answers 401 as described', async () => {
    const state = await hubState();
    let secured = 0;
    for (const { path, method, operation } of operations) {
      const security = operation.security as Json[] | undefined;
      if (security !== undefined && security.length === 0) continue;
      secured++;
      const response = await checkedFetch(`${hub.httpUrl}${concrete(path, operation)}`, {
        method: method.toUpperCase(),
        ...(method === 'get'
          ? {}
          : { headers: { 'content-type': 'application/json' }, body: '{}' }),
      });
      assert.equal(response.status, 401, `${method} ${path}`);
    }
    assert.ok(secured > 40);
    assert.deepEqual(await hubState(), state);
  });

  test('a path parameter outside its pattern is refused with 400, as described', async () => {
    const state = await hubState();
    let checked = 0;
    for (const { path, method, operation } of operations) {
      const patterned = parametersOf(operation).filter((p) => {
        const ref = (p.schema as Json).$ref as string | undefined;
        return p.in === 'path' && ref && openApi.components.schemas[ref.split('/').pop()!]!.pattern;
      });
      if (patterned.length === 0) continue;
      checked++;
      const url = concrete(path, operation, () => 'not valid!');
      const response = await checkedFetch(`${hub.httpUrl}${url}`, {
        method: method.toUpperCase(),
        headers: { ...auth, ...(method === 'get' ? {} : { 'content-type': 'application/json' }) },
        ...(method === 'get' ? {} : { body: '{}' }),
      });
      assert.equal(response.status, 400, `${method} ${url}`);
    }
    assert.ok(checked >= 15, `${checked} operations with a patterned path parameter`);
    assert.deepEqual(await hubState(), state);
  });

  test('a required body that is missing, and a query value out of range, are refused with 400', async () => {
    const state = await hubState();
    for (const { path, method, operation } of operations) {
      const body = operation.requestBody as { required: boolean; content: Json } | undefined;
      if (!body?.required || !body.content['application/json'] || path === '/test') continue;
      const response = await checkedFetch(`${hub.httpUrl}${concrete(path, operation)}`, {
        method: method.toUpperCase(),
        headers: auth,
      });
      assert.equal(response.status, 400, `${method} ${path} without its body`);
    }
    for (const { path, operation } of operations) {
      if (!parametersOf(operation).some((p) => p.in === 'query' && p.name === 'limit')) continue;
      const response = await checkedFetch(`${hub.httpUrl}${path}?limit=0`, { headers: auth });
      assert.equal(response.status, 400, `${path}?limit=0`);
    }
    assert.deepEqual(await hubState(), state);
  });

  test('every event on the stream matches its schema in the description', async () => {
    const controller = new AbortController();
    const stream = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
      headers: auth,
      signal: controller.signal,
    });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    const camera = await joinDevice(hub, 'porch-cam');
    const posted = await checkedFetch(`${hub.httpUrl}/api/v1/strangers`, {
      method: 'POST',
      headers: { authorization: camera.basic, 'content-type': 'image/jpeg' },
      body: new Uint8Array(jpeg(2_000)),
    });
    assert.equal(posted.status, 201);
    await api(hub.httpUrl, hub.token, 'PATCH', '/api/v1/devices/porch-cam', { name: 'Porch' });
    await api(hub.httpUrl, hub.token, 'POST', '/api/v1/actions/no_such_action/run', {});
    await camera.end();
    await api(hub.httpUrl, hub.token, 'DELETE', '/api/v1/devices/porch-cam');
    const seen = new Set<string>();
    let text = '';
    while (!seen.has('device_left')) {
      text += new TextDecoder().decode((await reader.read()).value);
      const frames = text.split('\n\n');
      text = frames.pop()!;
      for (const frame of frames) {
        const data = /^data: (.*)$/m.exec(frame)?.[1];
        if (!data) continue;
        const event = JSON.parse(data) as { type: string };
        checkEvent(event);
        assert.equal(/^event: (.*)$/m.exec(frame)?.[1], event.type);
        seen.add(event.type);
      }
    }
    controller.abort();
    for (const type of [
      'permit_join',
      'device_joined',
      'stranger',
      'device_updated',
      'action_error',
    ]) {
      assert.ok(seen.has(type), `saw ${type} (saw ${[...seen].join(', ')})`);
    }
  });
});
