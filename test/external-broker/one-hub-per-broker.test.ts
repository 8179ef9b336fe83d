// One hub per broker namespace (issue #10): a hub holding a broker's hearth/ topics says so in a
// retained record with a will. A second hub refuses to start (exit 2, naming the holder); a hub
// that stopped cleanly or died frees it; a hub whose record is overwritten by another live hub
// stops acting. Real Mosquitto; hubs run as the user runs them, or in this process.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import mqtt from 'mqtt';
import { api, delay } from '../helpers/devices.js';
import { makeTempDir, removeDir, runHub, startHubProcess } from '../helpers/hub-process.js';
import { startTestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { connectWithSecret, fakeLock, joinThroughBroker, waitUntil } from './support.js';

let mosquitto: TestMosquitto;
const folders: string[] = [];
const folder = (): string => {
  const dir = makeTempDir('hearth-ext-leader-');
  folders.push(dir);
  return dir;
};
const hubIdOf = (dataDir: string): string =>
  (JSON.parse(readFileSync(join(dataDir, 'state.json'), 'utf8')) as { hubId: string }).hubId;

const retainedRecord = async (): Promise<{ hubId: string; state: string } | null> => {
  const client = await mqtt.connectAsync(mosquitto.url, { reconnectPeriod: 0 });
  try {
    const record = new Promise<Buffer | null>((resolve) => {
      client.on('message', (_topic, payload) => resolve(payload));
      setTimeout(() => resolve(null), 500);
    });
    await client.subscribeAsync('hearth/hub', { qos: 1 });
    const payload = await record;
    return payload && payload.length > 0 ? JSON.parse(payload.toString()) : null;
  } finally {
    await client.endAsync(true);
  }
};

before(async () => {
  mosquitto = await startTestMosquitto();
});
after(async () => {
  await mosquitto.stop();
  for (const dir of folders) removeDir(dir);
});

test('a second hub on a held broker exits 2 naming the holder; once the holder stops, it starts', async () => {
  const first = await startHubProcess({
    dataDir: folder(),
    extraArgs: ['--broker-url', mosquitto.url],
  });
  const holderId = hubIdOf(first.dataDir);
  const record = await retainedRecord();
  assert.equal(record?.hubId, holderId);
  assert.equal(record?.state, 'online');

  const second = folder();
  const refused = await runHub([
    '--data-dir',
    second,
    '--http-port',
    '0',
    '--host',
    '127.0.0.1',
    '--broker-url',
    mosquitto.url,
  ]);
  assert.equal(refused.code, 2, refused.stderr);
  assert.match(
    refused.stderr,
    /^hearth: the broker's hearth\/ topics are held by the hub "Hearth" \(id [0-9a-f-]+/m,
  );
  assert.ok(refused.stderr.includes(holderId), 'the holder is named');
  assert.ok(refused.stderr.includes(`pid ${first.child.pid}`));
  assert.equal(refused.stderr.trim().split('\n').length, 1, 'one clear line');
  assert.equal((await retainedRecord())?.hubId, holderId, 'the refused hub left the record alone');

  assert.equal(await first.stop(), 0);
  assert.equal(
    (await retainedRecord())?.state,
    'offline',
    'a clean stop frees the namespace at once',
  );
  const next = await startHubProcess({
    dataDir: second,
    extraArgs: ['--broker-url', mosquitto.url],
  });
  assert.equal((await retainedRecord())?.hubId, hubIdOf(second));
  assert.equal(await next.stop(), 0);
});

test('a hub that dies frees the namespace when the broker fires its will', async () => {
  const dead = await startHubProcess({
    dataDir: folder(),
    extraArgs: ['--broker-url', mosquitto.url],
  });
  dead.child.kill('SIGKILL');
  await dead.exited;
  // Its socket closes with it, so Mosquitto publishes the will at once; a hub cut off by the
  // network is given up after 1.5 times its 10 s keep-alive.
  await waitUntil('the will', async () => (await retainedRecord())?.state === 'offline', 25_000);
  const next = await startHubProcess({
    dataDir: folder(),
    extraArgs: ['--broker-url', mosquitto.url],
  });
  assert.equal(await next.stop(), 0);
});

test('a live record left by an earlier run of this same hub, whose process is gone, does not block it', async () => {
  const dataDir = folder();
  const hub = await startTestHub({ dataDir, externalBroker: { url: mosquitto.url } });
  await hub.close();
  const client = await mqtt.connectAsync(mosquitto.url, { reconnectPeriod: 0 });
  const stale = {
    hubId: hubIdOf(dataDir),
    instance: 'crashed-run',
    name: 'Hearth',
    host: hostname(),
    pid: 2 ** 22 + 7,
    version: '0.1.0',
    state: 'online',
    since: new Date().toISOString(),
  };
  await client.publishAsync('hearth/hub', JSON.stringify(stale), { qos: 1, retain: true });
  await client.endAsync();
  const again = await startTestHub({ dataDir, externalBroker: { url: mosquitto.url } });
  assert.equal(
    (await api(again.httpUrl, again.token, 'GET', '/api/v1/info')).body.brokerConnection.state,
    'connected',
  );
  await again.close();
});

test('a hub whose namespace another live hub takes stops acting: commands fail naming the holder, reports are ignored', async () => {
  const hub = await startTestHub({ dataDir: folder(), externalBroker: { url: mosquitto.url } });
  try {
    const secret = await joinThroughBroker(
      mosquitto.url,
      hub.httpUrl,
      hub.token,
      'side',
      'lock Side door',
    );
    const lock = await fakeLock(await connectWithSecret(mosquitto.url, 'side', secret), 'side');
    await waitUntil(
      'the lock online',
      async () =>
        (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/side')).body.availability ===
        'online',
    );

    const intruder = await mqtt.connectAsync(mosquitto.url, { reconnectPeriod: 0 });
    const other = {
      hubId: 'other-hub',
      instance: 'x',
      name: 'Garage hub',
      host: 'garage-pc',
      pid: 4242,
      version: '0.1.0',
      state: 'online',
      since: new Date().toISOString(),
    };
    await intruder.publishAsync('hearth/hub', JSON.stringify(other), { qos: 1, retain: true });
    await intruder.endAsync();
    const displaced = await waitUntil('displaced', async () => {
      const current = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body
        .brokerConnection;
      return current.state === 'displaced' ? current : null;
    });
    assert.match(displaced.error, /held by the hub "Garage hub" \(id other-hub/);
    const refused = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/side/lock');
    assert.equal(refused.status, 503);
    assert.match(refused.body.error.message, /Garage hub/);
    assert.deepEqual(lock.commands, [], 'nothing was sent');
    await lock.client.publishAsync('hearth/devices/side/state', 'JAMMED', { qos: 1, retain: true });
    await delay(300);
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/side')).body.state,
      'unlocked',
      'no longer its business',
    );
    await lock.end();
  } finally {
    await hub.close();
  }
});
