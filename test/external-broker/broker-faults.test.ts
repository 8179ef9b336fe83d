// Hearth on an external broker when the broker misbehaves (issue #10, "bad input"): down at
// start, gone mid-run, refusing Hearth's credentials. Each time the hub keeps serving its API,
// reports the broker's state, fails commands as broker_unavailable (never "locked"), and comes
// back by itself. Real Mosquitto, real clients, the hub in this process.
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { mosquittoPasswordHash } from '../../src-main/hub/broker-config/mosquitto-password.js';
import { connectWithSecret, fakeLock, joinThroughBroker, waitUntil } from './support.js';

const cleanups: Array<() => Promise<unknown> | unknown> = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const info = async (hub: TestHub): Promise<any> =>
  (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body;

test('broker down at start: the hub starts and serves, locks fail as broker_unavailable, and it connects by itself once the broker is up', async () => {
  const dataDir = makeTempDir('hearth-ext-down-');
  cleanups.push(() => removeDir(dataDir));
  let mosquitto: TestMosquitto = await startTestMosquitto();
  const port = mosquitto.port;
  let hub = await startTestHub({ dataDir, externalBroker: { url: mosquitto.url } });
  const secret = await joinThroughBroker(
    mosquitto.url,
    hub.httpUrl,
    hub.token,
    'gate',
    'lock Gate',
  );
  await hub.close();
  await mosquitto.stop();

  const started = Date.now();
  hub = await startTestHub({ dataDir, externalBroker: { url: `mqtt://127.0.0.1:${port}` } });
  cleanups.push(() => hub.close());
  assert.ok(Date.now() - started < 10_000, 'start does not wait for the broker');
  const down = await info(hub);
  assert.notEqual(down.brokerConnection.state, 'connected');
  assert.match(down.brokerConnection.error ?? '', /nothing answers at that address/);
  const devices = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices');
  assert.equal(devices.status, 200, 'the API serves without the broker');
  assert.equal(devices.body.devices.length, 1, 'and nothing was lost');
  const refused = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/gate/unlock');
  assert.equal(refused.status, 503);
  assert.equal(refused.body.error.code, 'broker_unavailable');
  assert.match(refused.body.error.message, /unavailable .*the command was not sent/);
  const status = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status');
  const warning = status.body.warnings.find(
    (w: { code: string }) => w.code === 'broker_unavailable',
  );
  assert.ok(warning, 'the owner is told');
  assert.match(warning.message, /Hearth keeps retrying/);

  mosquitto = await startTestMosquitto({ port });
  cleanups.push(() => mosquitto.stop());
  await waitUntil(
    'the hub on the broker',
    async () => (await info(hub)).brokerConnection.state === 'connected',
    20_000,
  );
  const lock = await fakeLock(await connectWithSecret(mosquitto.url, 'gate', secret), 'gate');
  cleanups.push(() => lock.end());
  await waitUntil(
    'the lock online',
    async () =>
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/gate')).body.availability ===
      'online',
  );
  const locked = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/gate/lock');
  assert.equal(locked.status, 200, JSON.stringify(locked.body));
  assert.equal(locked.body.state, 'locked');
});

test('credentials refused: the state says so and what to do; once the broker accepts them the hub connects by itself', async () => {
  const confDir = makeTempDir('hearth-ext-cred-');
  cleanups.push(() => removeDir(confDir));
  const passwd = join(confDir, 'passwd');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(passwd, `hearth-hub:${mosquittoPasswordHash('the-old-password')}\n`);
  const mosquitto = await startTestMosquitto({
    lines: ['allow_anonymous false', `password_file ${passwd}`],
  });
  cleanups.push(() => mosquitto.stop());
  const hub = await startTestHub({
    externalBroker: { url: mosquitto.url, username: 'hearth-hub', password: 'the-new-password' },
  });
  cleanups.push(() => hub.close());
  const refused = await waitUntil('the refusal', async () => {
    const current = (await info(hub)).brokerConnection;
    return current.state === 'unavailable' && current.error ? current : null;
  });
  assert.match(refused.error, /refused Hearth's user name or password|not authorized/);
  assert.match(refused.error, /check --broker-url's credentials/);

  writeFileSync(passwd, `hearth-hub:${mosquittoPasswordHash('the-new-password')}\n`);
  mosquitto.reload();
  await waitUntil(
    'the hub on the broker',
    async () => (await info(hub)).brokerConnection.state === 'connected',
    20_000,
  );
});
