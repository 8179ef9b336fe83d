// Action files in the whole hub: loaded from <dataDir>/actions at start, run from MQTT and
// HTTP, managed over /api/v1/actions, remote code off by default, the state file untouched.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { connectToken, nextMessage } from '../helpers/mqtt.js';

let hub: TestHub;
let dataDir: string;
before(async () => {
  dataDir = makeTempDir('hearth-wired-');
  fs.mkdirSync(path.join(dataDir, 'actions'));
  fs.writeFileSync(
    path.join(dataDir, 'actions', 'greet.mjs'),
    'export function greet(m) { return "hello " + (m.args[0] ?? "you"); }\nexport function spin() { for (;;); }\nexport function ping() {}\n',
  );
  hub = await startTestHub({ dataDir });
});
after(async () => {
  await hub?.close();
  removeDir(dataDir);
});

// Loose on purpose: each test asserts the shape it reads.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Json = any;

async function api(
  method: string,
  route: string,
  body?: unknown,
): Promise<{ status: number; json: Json }> {
  const response = await fetch(`${hub.httpUrl}${route}`, {
    method,
    headers: {
      authorization: `Bearer ${hub.token}`,
      'content-type': 'application/json',
    },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: response.status, json: await response.json() };
}

describe('action files in the hub', () => {
  test('MQTT: greet replies on topic greet', async () => {
    const client = await connectToken(hub.mqttUrl, hub.token);
    try {
      const reply = nextMessage(client, 'greet');
      await new Promise((r) => setTimeout(r, 20));
      await client.publishAsync('hearth/action', 'greet Ann', { qos: 1 });
      assert.equal((await reply).payload, 'hello Ann');
    } finally {
      await client.endAsync();
    }
  });

  test('HTTP: run, list with figures, files with the clash reported', async () => {
    assert.deepEqual((await api('POST', '/api/v1/actions/greet/run', { args: ['Bo'] })).json, {
      reply: 'hello Bo',
    });
    const spin = await api('POST', '/api/v1/actions/spin/run', {});
    assert.equal(spin.status, 422);
    assert.match(spin.json.error.message, /ran longer than 1000 ms/);
    const list = (await api('GET', '/api/v1/actions')).json.actions as Array<{
      name: string;
      figures: { calls: number };
    }>;
    assert.equal(list.find((a) => a.name === 'greet')?.figures.calls, 2);
    const files = (await api('GET', '/api/v1/action-files')).json;
    assert.match(JSON.stringify(files.files[0].skipped), /built-in wins/);
  });

  test('upload, delete, and remote code off by default', async () => {
    const up = await api('POST', '/api/v1/actions', {
      file: 'up.mjs',
      contentBase64: Buffer.from('export const up = () => "up";').toString('base64'),
    });
    assert.equal(up.status, 200, JSON.stringify(up.json));
    assert.deepEqual((await api('POST', '/api/v1/actions/up/run', {})).json, {
      reply: 'up',
    });
    assert.equal((await api('DELETE', '/api/v1/actions/up.mjs')).status, 200);
    assert.equal((await api('POST', '/api/v1/actions/up/run', {})).status, 404);
    assert.equal(
      (
        await api('POST', '/api/v1/actions', {
          file: '../x.mjs',
          contentBase64: '',
        })
      ).status,
      400,
    );
    const off = await api('POST', '/api/v1/actions/save_action_file/run', {
      args: ['x.mjs', 'eA=='],
    });
    assert.equal(off.status, 422);
    assert.match(off.json.error.message, /remote code is switched off/);
    assert.equal((await api('GET', '/api/v1/settings')).json.actions.remoteCode, false);
  });

  test('remote code turned on: confirm by hash', async () => {
    assert.equal(
      (
        await api('PATCH', '/api/v1/settings', {
          actions: { remoteCode: true },
        })
      ).status,
      200,
    );
    const code = 'export const sent = () => "sent";';
    const saved = await api('POST', '/api/v1/actions/save_action_file/run', {
      args: ['sent.mjs', Buffer.from(code).toString('base64')],
    });
    const hash = /sha256 ([0-9a-f]{64})/.exec(saved.json.reply)![1];
    assert.equal((await api('POST', '/api/v1/actions/sent/run', {})).status, 404);
    assert.equal(
      (await api('POST', '/api/v1/actions/sent.mjs/confirm', { sha256: hash })).status,
      200,
    );
    assert.deepEqual((await api('POST', '/api/v1/actions/sent/run', {})).json, {
      reply: 'sent',
    });
  });
});
