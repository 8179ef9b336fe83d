// Hearth on a Mosquitto with the dynamic-security plugin, kept in step live (--broker-dynsec):
// the plugin learns each device as it is approved (bound to its client id), closes its id to
// anonymous clients at its first login, and forgets it when it is removed; a hub account the
// plugin will not let subscribe is reported as such, not left deaf.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import mqtt from 'mqtt';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir, runHub } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { startTestMosquitto, type TestMosquitto } from '../helpers/mosquitto.js';
import { connectWithSecret, fakeLock, joinThroughBroker, waitUntil } from './support.js';

let dataDir: string;
let confDir: string;
let mosquitto: TestMosquitto;
let hub: TestHub;
let account: { username: string; password: string };

const dynsecLines = (dir: string): string[] => [
  'plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
  `plugin_opt_config_file ${join(dir, 'dynamic-security.json')}`,
  'allow_anonymous true',
];

const connack = (options: mqtt.IClientOptions): Promise<number> =>
  new Promise((resolve) => {
    const client = mqtt.connect(mosquitto.url, {
      reconnectPeriod: 0,
      protocolVersion: 5,
      ...options,
    });
    client.once('connect', () => (client.end(true), resolve(0)));
    client.once(
      'error',
      (error) => (client.end(true), resolve((error as { code?: number }).code ?? -1)),
    );
  });

before(async () => {
  dataDir = makeTempDir('hearth-dynsec-data-');
  confDir = makeTempDir('hearth-dynsec-conf-');
  const exported = await runHub([
    'export-broker-config',
    '--data-dir',
    dataDir,
    '--format',
    'mosquitto-dynsec',
    '--out',
    confDir,
  ]);
  assert.equal(exported.code, 0, exported.stderr);
  assert.match(exported.stdout, /--broker-url mqtt:\/\/<broker-host>:1883 --broker-dynsec/);
  assert.match(exported.stdout, /Mosquitto rewrites .*dynamic-security\.json itself/);
  account = JSON.parse(readFileSync(join(dataDir, 'broker-account.json'), 'utf8'));
  mosquitto = await startTestMosquitto({ lines: dynsecLines(confDir) });
  hub = await startTestHub({
    dataDir,
    externalBroker: { url: mosquitto.url, username: account.username, password: account.password },
    brokerSync: { dynsec: true },
  });
});
after(async () => {
  await hub?.close();
  await mosquitto?.stop();
  removeDir(dataDir);
  removeDir(confDir);
});

test('approved: the plugin gets the device at once, bound to its client id; a lock is driven end to end', async () => {
  const secret = await joinThroughBroker(
    mosquitto.url,
    hub.httpUrl,
    hub.token,
    'back',
    'lock Back door',
  );
  const lock = await fakeLock(await connectWithSecret(mosquitto.url, 'back', secret), 'back');
  try {
    await waitUntil(
      'online',
      async () =>
        (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices/back')).body.availability ===
        'online',
    );
    const locked = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/devices/back/lock');
    assert.equal(locked.status, 200, JSON.stringify(locked.body));
    assert.equal(locked.body.state, 'locked');
    // Its secret with another client id: refused by the plugin (0x87 not authorized).
    assert.equal(await connack({ clientId: 'not-back', username: 'back', password: secret }), 0x87);
    // Its first login closes its id (with the next state write, within a second): then an
    // anonymous client may not act as it. Each try is a new client: closing an id makes the
    // plugin disconnect every anonymous client.
    const refused = async (): Promise<boolean> => {
      const impostor = await mqtt.connectAsync(mosquitto.url, {
        clientId: 'back-2',
        protocolVersion: 5,
        reconnectPeriod: 0,
      });
      try {
        return await Promise.race([
          impostor.publishAsync('hearth/devices/back/action', 'ping', { qos: 1 }).then(
            () => false,
            (error: Error) => /Not authorized/.test(error.message),
          ),
          new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 500)),
        ]);
      } finally {
        impostor.end(true);
      }
    };
    await waitUntil('its id closed to anonymous clients', refused, 5_000);
  } finally {
    await lock.end();
  }

  const removed = await api(hub.httpUrl, hub.token, 'DELETE', '/api/v1/devices/back');
  assert.equal(removed.status, 200);
  await waitUntil(
    'the plugin forgot it',
    async () => (await connack({ clientId: 'back', username: 'back', password: secret })) === 0x87,
  );
});

test('a hub account the plugin does not let read hearth/: reported as unavailable with what to fix', async () => {
  const conf = makeTempDir('hearth-dynsec-deaf-');
  try {
    const exported = await runHub([
      'export-broker-config',
      '--data-dir',
      dataDir,
      '--format',
      'mosquitto-dynsec',
      '--out',
      conf,
    ]);
    assert.equal(exported.code, 0, exported.stderr);
    const file = join(conf, 'dynamic-security.json');
    const config = JSON.parse(readFileSync(file, 'utf8'));
    // Hearth's client keeps only the plugin's admin role: it may log in, not use hearth/.
    const hubClient = config.clients.find(
      (client: { username: string }) => client.username === account.username,
    );
    hubClient.roles = hubClient.roles.filter(
      (role: { rolename: string }) => !/hub/i.test(role.rolename) || /admin/i.test(role.rolename),
    );
    const { writeFileSync } = await import('node:fs');
    writeFileSync(file, JSON.stringify(config));
    const deafBroker = await startTestMosquitto({ lines: dynsecLines(conf) });
    const deaf = await startTestHub({
      externalBroker: {
        url: deafBroker.url,
        username: account.username,
        password: account.password,
      },
    });
    try {
      const state = await waitUntil('the refusal', async () => {
        const current = (await api(deaf.httpUrl, deaf.token, 'GET', '/api/v1/info')).body
          .brokerConnection;
        return current.state === 'unavailable' && current.error ? current : null;
      });
      assert.match(
        state.error,
        /the broker refused Hearth's (subscription|publish) to hearth\/hub.*give Hearth's account read and write access to hearth\/#/,
      );
    } finally {
      await deaf.close();
      await deafBroker.stop();
    }
  } finally {
    removeDir(conf);
  }
});
