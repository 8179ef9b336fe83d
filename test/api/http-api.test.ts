import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { JSON_BODY_LIMIT_BYTES } from '../../src-main/hub/api/app.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch, checkEvent } from '../helpers/openapi-check.js';

let hub: TestHub;
let panelDir: string;

before(async () => {
  panelDir = makeTempDir('hearth-panel-');
  mkdirSync(join(panelDir, 'assets'));
  writeFileSync(join(panelDir, 'index.html'), '<!doctype html><title>Hearth panel</title>');
  writeFileSync(join(panelDir, 'assets', 'app.js'), 'console.log(1)');
  hub = await startTestHub({ panelDir });
});
after(async () => {
  await hub.close();
  removeDir(panelDir);
});

const auth = (token = hub.token): Record<string, string> => ({ authorization: `Bearer ${token}` });

async function errorOf(response: Response): Promise<{ code: string; message: string }> {
  const body = (await response.json()) as { error: { code: string; message: string } };
  assert.equal(typeof body.error.code, 'string');
  assert.equal(typeof body.error.message, 'string');
  assert.ok(!JSON.stringify(body).includes('    at '), 'no stack trace in an error');
  return body.error;
}

describe('open routes', () => {
  test('GET /hello says hello without a token', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/hello`);
    assert.equal(response.status, 200);
    assert.match(await response.text(), /hello/);
  });

  test('GET /api/v1/info needs no token and holds no secrets', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/info`);
    assert.equal(response.status, 200);
    const info = (await response.json()) as Record<string, unknown>;
    assert.equal(info.broker, 'embedded');
    assert.deepEqual(info.ports, {
      mqtt: Number(new URL(hub.mqttUrl).port),
      mqtts: null,
      ws: Number(new URL(hub.wsUrl).port),
      http: Number(new URL(hub.httpUrl).port),
      https: null,
    });
    assert.match(String(info.version), /^\d+\.\d+\.\d+/);
    assert.ok(!JSON.stringify(info).includes(hub.token));
    assert.ok(!JSON.stringify(info).toLowerCase().includes('hash'));
  });

  test('the panel is served at / with a strict CSP, its assets without a token', async () => {
    const page = await fetch(`${hub.httpUrl}/`);
    assert.equal(page.status, 200);
    assert.match(await page.text(), /Hearth panel/);
    const csp = page.headers.get('content-security-policy') ?? '';
    assert.match(csp, /default-src 'self'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.equal(page.headers.get('x-powered-by'), null);
    const asset = await fetch(`${hub.httpUrl}/assets/app.js`);
    assert.equal(asset.status, 200);
  });

  test('an unknown address is a JSON 404', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/nothing-here`, { headers: auth() });
    assert.equal(response.status, 404);
    assert.equal((await errorOf(response)).code, 'not_found');
  });

  test('a path outside the panel folder is not served', async () => {
    const response = await fetch(`${hub.httpUrl}/..%2f..%2fetc%2fpasswd`);
    assert.notEqual(response.status, 200);
  });
});

describe('bearer tokens', () => {
  test('no token: 401 unauthorized with the contract error shape', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/status`);
    assert.equal(response.status, 401);
    const error = await errorOf(response);
    assert.equal(error.code, 'unauthorized');
    assert.match(error.message, /Bearer/);
  });

  test('a wrong token is refused the same way', async () => {
    for (const header of ['Bearer nope', 'Basic abc', 'Bearer', `Bearer ${hub.token}x`]) {
      const response = await checkedFetch(`${hub.httpUrl}/api/v1/status`, {
        headers: { authorization: header },
      });
      assert.equal(response.status, 401, header);
      assert.equal((await errorOf(response)).code, 'unauthorized');
    }
  });

  test('the admin token opens the API', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/status`, { headers: auth() });
    assert.equal(response.status, 200);
    const status = (await response.json()) as {
      uptimeSeconds: number;
      broker: { connectedClients: number };
    };
    assert.equal(typeof status.uptimeSeconds, 'number');
    assert.equal(typeof status.broker.connectedClients, 'number');
  });

  test('the admin token is stored only as its hash', async () => {
    const { readFileSync } = await import('node:fs');
    const stored = readFileSync(join(hub.dataDir, 'state.json'), 'utf8');
    assert.ok(!stored.includes(hub.token));
    const { createHash } = await import('node:crypto');
    assert.ok(stored.includes(createHash('sha256').update(hub.token).digest('hex')));
  });
});

describe('bodies', () => {
  test('a body that is not JSON: 400 invalid_json, nothing run', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/ping/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{"args": [',
    });
    assert.equal(response.status, 400);
    assert.equal((await errorOf(response)).code, 'invalid_json');
  });

  test('a body over the limit: 413 payload_too_large', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/ping/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ args: ['x'.repeat(JSON_BODY_LIMIT_BYTES + 10)] }),
    });
    assert.equal(response.status, 413);
    const error = await errorOf(response);
    assert.equal(error.code, 'payload_too_large');
    assert.match(error.message, new RegExp(String(JSON_BODY_LIMIT_BYTES)));
  });

  test('a body of the wrong shape: 400 invalid_input naming the field', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/ping/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: JSON.stringify({ args: 'not-a-list' }),
    });
    assert.equal(response.status, 400);
    const error = await errorOf(response);
    assert.equal(error.code, 'invalid_input');
    assert.match(error.message, /args/);
  });

  test('a body that is not JSON: 415 saying to send JSON', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/ping/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'text/plain' },
      body: '{"args":[]}',
    });
    assert.equal(response.status, 415);
    const error = await errorOf(response);
    assert.equal(error.code, 'unsupported_media_type');
    assert.match(error.message, /application\/json/);
  });

  test('deep nesting within the size limit is a clear 400, not a crash', async () => {
    const deep = '['.repeat(120_000) + ']'.repeat(120_000);
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/ping/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: deep,
    });
    assert.equal(response.status, 400);
    assert.equal((await errorOf(response)).code, 'invalid_input');
  });

  test('the hub is still up after the bad bodies', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/hello`);
    assert.equal(response.status, 200);
  });
});

describe('actions over HTTP', () => {
  test('ping replies pong', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/PING/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { reply: 'pong' });
  });

  test('an unknown action is 404 unknown_action', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions/no_such_action/run`, {
      method: 'POST',
      headers: { ...auth(), 'content-type': 'application/json' },
      body: '{}',
    });
    assert.equal(response.status, 404);
    assert.equal((await errorOf(response)).code, 'unknown_action');
  });

  test('the action table lists ping', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/actions`, { headers: auth() });
    const { actions } = (await response.json()) as {
      actions: Array<{ name: string; source: string }>;
    };
    assert.ok(actions.some((a) => a.name === 'ping' && a.source === 'built-in'));
  });
});

async function streamCount(): Promise<number> {
  const response = await checkedFetch(`${hub.httpUrl}/api/v1/status`, { headers: auth() });
  return ((await response.json()) as { eventStreams: number }).eventStreams;
}

describe('events', () => {
  test('SSE streams hub events as `event: <type>`', async () => {
    const controller = new AbortController();
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
      headers: auth(),
      signal: controller.signal,
    });
    assert.equal(response.status, 200);
    assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
    const reader = response.body!.getReader();
    await reader.read(); // the greeting comment
    const streamsBefore = await streamCount();
    assert.equal(streamsBefore, 1, 'this stream is counted');
    await hub.hub
      .call('runAction', { name: 'unknown_thing', args: [] }, { kind: 'local' })
      .catch(() => {});
    let text = '';
    while (!text.includes('\n\n')) {
      const { value } = await reader.read();
      text += new TextDecoder().decode(value);
    }
    assert.match(text, /^event: action_error\ndata: \{.*"type":"action_error"/m);
    checkEvent(JSON.parse(/^data: (.*)$/m.exec(text)![1]!));
    controller.abort();
    await new Promise((resolve) => setTimeout(resolve, 100));
    assert.equal(await streamCount(), 0, 'a closed stream is forgotten');
  });

  test('SSE needs a token', async () => {
    const response = await checkedFetch(`${hub.httpUrl}/api/v1/events`);
    assert.equal(response.status, 401);
  });
});

describe('event stream resume', () => {
  test('a stream reopened with Last-Event-ID gets the events it missed, in order', async () => {
    const fail = (name: string) =>
      hub.hub.call('runAction', { name, args: [] }, { kind: 'local' }).catch(() => {});
    const read = async (headers: Record<string, string>, until: RegExp): Promise<string> => {
      const controller = new AbortController();
      const response = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
        headers: { ...auth(), ...headers },
        signal: controller.signal,
      });
      const reader = response.body!.getReader();
      let text = '';
      while (!until.test(text)) text += new TextDecoder().decode((await reader.read()).value);
      controller.abort();
      return text;
    };
    const first = read({}, /missed_one/);
    await new Promise((resolve) => setTimeout(resolve, 100));
    await fail('missed_one');
    const seenId = Number(
      /^id: (\d+)\nevent: action_error\ndata: .*missed_one/m.exec(await first)![1],
    );
    await fail('missed_two');
    await fail('missed_three');
    const resumed = await read({ 'last-event-id': String(seenId) }, /missed_three/);
    const names = [...resumed.matchAll(/there is no action \\?"(missed_\w+)/g)].map((m) => m[1]);
    assert.deepEqual(names, ['missed_two', 'missed_three']);
  });
});
