// A restart with live devices (issue 13): approved devices stay connected to the hub with
// mqtt.js's automatic reconnect (1 s back-off); the hub is stopped and started again on the
// same ports; every device is back, logged in with its secret, within its back-off plus a
// margin, and nothing was lost. 200 devices in `npm test`, 1,000 with HEARTH_SOAK=1.
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import { after, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { api, connectDevice } from '../helpers/devices.js';
import {
  makeTempDir,
  removeDir,
  startHubProcess,
  type HubProcess,
} from '../helpers/hub-process.js';

const DEVICES = process.env.HEARTH_SOAK === '1' ? 1_000 : 200;
const BACK_IN_MS = 30_000; // a safety net; the figure itself is reported
const dataDir = makeTempDir('hearth-restart-');
const clients: MqttClient[] = [];
after(async () => {
  await Promise.all(clients.map((client) => client.endAsync(true)));
  removeDir(dataDir);
});

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test(`${DEVICES} live devices: after a restart all are back, with their secrets, nothing lost`, async (t) => {
  const [mqttPort, httpPort] = [await freePort(), await freePort()];
  const ports = ['--mqtt-port', String(mqttPort), '--http-port', String(httpPort)];
  let hub: HubProcess = await startHubProcess({ dataDir, extraArgs: ports });
  const base = `http://127.0.0.1:${httpPort}`;
  const admin = (method: string, path: string, body?: unknown) =>
    api(base, hub.adminToken, method, path, body);
  assert.equal((await admin('POST', '/api/v1/permit-join', { seconds: 600 })).status, 200);
  // All from one address here; at home each device has its own (the limit is per address).
  const raised = await admin('PATCH', '/api/v1/settings', {
    devices: { handShakesPerMinutePerAddress: 10_000 },
    broker: { maxConnectionsPerAddress: DEVICES + 100, maxConnections: DEVICES + 100 },
  });
  assert.equal(raised.status, 200, JSON.stringify(raised.body));

  const secrets = new Map<string, string>();
  for (let i = 0; i < DEVICES; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, DEVICES - i) }, async (_, j) => {
        const id = `sensor-${i + j}`;
        const joining = await connectDevice(`mqtt://127.0.0.1:${mqttPort}`, id);
        const answer = await joining.handShake(`sensor Sensor ${i + j}`);
        await joining.end();
        secrets.set(id, /^approved (\S+)$/.exec(answer)![1]!);
      }),
    );
  }
  // Every device online with its secret and mqtt.js's own reconnect.
  for (const [id, secret] of secrets) {
    const client = mqtt.connect(`mqtt://127.0.0.1:${mqttPort}`, {
      clientId: id,
      username: id,
      password: secret,
      reconnectPeriod: 1_000,
      connectTimeout: 10_000,
    });
    client.on('error', () => {});
    clients.push(client);
  }
  const online = async () =>
    (
      (await admin('GET', '/api/v1/devices')).body.devices as Array<{ availability: string }>
    ).filter((d) => d.availability === 'online').length;
  const waitAllOnline = async (what: string) => {
    const deadline = Date.now() + BACK_IN_MS;
    let count = await online();
    while (count < DEVICES && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, 200));
      count = await online();
    }
    assert.equal(count, DEVICES, `${what}: ${count} of ${DEVICES} online`);
  };
  await waitAllOnline('before the restart');

  assert.equal(await hub.stop('SIGTERM'), 0, 'a clean stop');
  const restarted = Date.now();
  hub = await startHubProcess({ dataDir, extraArgs: ports });
  try {
    await waitAllOnline('after the restart');
    const backMs = Date.now() - restarted;
    const devices = (await admin('GET', '/api/v1/devices')).body.devices as Array<{
      id: string;
      status: string;
    }>;
    assert.equal(devices.length, DEVICES, 'nothing lost');
    assert.ok(devices.every((d) => d.status === 'approved'));
    assert.ok(
      clients.every((client) => client.connected),
      'each logged in again with its secret',
    );
    t.diagnostic(`${DEVICES} devices back online ${backMs} ms after the restart began`);
  } finally {
    await Promise.all(clients.splice(0).map((client) => client.endAsync(true)));
    await hub.stop();
  }
});
