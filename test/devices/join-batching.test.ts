// Joins are written to state.json in batches: many devices joining at once cost a few
// whole-file rewrites, not three each, and none is lost when the hub stops. Rewrites are counted
// on the real file: each atomic write renames a fresh file onto state.json, which inotify
// (fs.watch) reports as a `rename` of state.json.
import assert from 'node:assert/strict';
import { readFileSync, watch } from 'node:fs';
import { createConnection } from 'node:net';
import { join } from 'node:path';
import { test } from 'node:test';
import { MqttClient, type IClientOptions } from 'mqtt';
import { startTestHub } from '../helpers/in-process-hub.js';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

const DEVICES = 200;
// Joins in flight at once: quick succession, yet bounded on a busy two-core machine.
const JOINS_AT_ONCE = 25;
// The hub allows 20 hand_shakes a minute per address; Linux answers on all of 127/8.
const ADDRESSES = Array.from({ length: 20 }, (_, i) => `127.0.0.${i + 2}`);

/** An mqtt.js client from a chosen loopback source address (mqtt.connect has no such option). */
function connectFrom(
  url: string,
  localAddress: string,
  options: IClientOptions,
): Promise<MqttClient> {
  const { port } = new URL(url);
  const client = new MqttClient(
    () => createConnection({ host: '127.0.0.1', port: Number(port), localAddress }),
    { reconnectPeriod: 0, connectTimeout: 30_000, ...options },
  );
  return new Promise((resolve, reject) => {
    client.once('connect', () => resolve(client));
    client.once('error', reject);
    client.once('close', () => reject(new Error('closed before CONNACK')));
  });
}

async function handShake(url: string, id: string, localAddress: string): Promise<string> {
  const client = await connectFrom(url, localAddress, { clientId: id, clean: true });
  try {
    const topic = `hearth/devices/${id}/hand_shake`;
    const answer = new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${id}: no answer`)), 30_000);
      client.on('message', (received, payload) => {
        if (received !== topic) return;
        clearTimeout(timer);
        resolve(payload.toString('utf8'));
      });
    });
    await client.subscribeAsync(topic, { qos: 1 });
    await client.publishAsync('hearth/action', `hand_shake ${id} lock`, { qos: 1 });
    return await answer;
  } finally {
    await client.endAsync(true);
  }
}

/** Runs `tasks`, `atOnce` at a time, and returns their results in order. */
async function inTurns<T>(tasks: Array<() => Promise<T>>, atOnce: number): Promise<T[]> {
  const results: T[] = [];
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < tasks.length) {
      const i = next++;
      results[i] = await tasks[i]!();
    }
  };
  await Promise.all(Array.from({ length: atOnce }, lane));
  return results;
}

interface Stored {
  status: string;
  secretHash: string | null;
  secretUsed: boolean;
  kind: string;
}

test(`${DEVICES} joins in quick succession: far fewer rewrites of state.json, every join kept`, async () => {
  const dataDir = makeTempDir();
  const hub = await startTestHub({ dataDir });
  let rewrites = 0;
  const watcher = watch(dataDir, (event, name) => {
    if (event === 'rename' && name === 'state.json') rewrites++;
  });
  try {
    const opened = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/permit-join', {
      seconds: 120,
    });
    assert.equal(opened.status, 200);
    // Let the watcher see the writes made so far before counting from zero.
    await new Promise((resolve) => setTimeout(resolve, 100));
    rewrites = 0;
    const ids = Array.from({ length: DEVICES }, (_, i) => `batch-lock-${i}`);
    const secrets = await inTurns(
      ids.map((id, i) => async () => {
        const localAddress = ADDRESSES[i % ADDRESSES.length]!;
        const answer = await handShake(hub.mqttUrl, id, localAddress);
        const match = /^approved (\S+)$/.exec(answer);
        assert.ok(match, `${id}: ${answer}`);
        // Logging in with the secret is a change too (secretUsed), batched the same way.
        const client = await connectFrom(hub.mqttUrl, localAddress, {
          clientId: id,
          username: id,
          password: match[1]!,
        });
        await client.endAsync();
        return match[1]!;
      }),
      JOINS_AT_ONCE,
    );
    assert.equal(secrets.length, DEVICES);
    await new Promise((resolve) => setTimeout(resolve, 100));
    // Three changes per join (added, approved with its secret, secret used) written one by one
    // would be 600 rewrites (and 600 backups); batched, they are a few dozen at most.
    assert.ok(rewrites > 0, 'the joins were written');
    assert.ok(rewrites < DEVICES / 5, `${rewrites} rewrites of state.json for ${DEVICES} joins`);
  } finally {
    watcher.close();
    await hub.close();
  }
  try {
    const state = JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as {
      devices: Record<string, Stored>;
    };
    for (let i = 0; i < DEVICES; i++) {
      const stored = state.devices[`batch-lock-${i}`];
      assert.ok(stored, `batch-lock-${i} is in state.json`);
      assert.equal(stored.status, 'approved');
      assert.equal(stored.kind, 'lock');
      assert.match(stored.secretHash ?? '', /^[0-9a-f]{64}$/);
      assert.equal(stored.secretUsed, true, `batch-lock-${i} logged in with its secret`);
    }
    assert.equal(Object.keys(state.devices).length, DEVICES);
  } finally {
    removeDir(dataDir);
  }
});
