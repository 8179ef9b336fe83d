// Load while under attack (issue 13): devices connected and a lock being driven over HTTP while
// junk connections, a hand_shake flood and a token brute force run, each from its own
// 127.0.0.x addresses. Every command must still succeed; the round trip is measured before
// and during the attack and must stay within a stated bound (generous: this is behaviour, the
// figures themselves are reported, not timed). HEARTH_SOAK=1 runs it with 1,000 devices.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { connect as connectTcp, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import {
  SHORT_TIMEOUT_MS,
  call,
  command,
  setLockSettings,
  startLockHub,
} from '../locks/lock-fixture.js';
import { confirm, joinLock, type TestLock } from '../locks/test-lock.js';
import type { TestHub } from '../helpers/in-process-hub.js';
import { connect as connectPacket } from './mqtt-packets.js';

const SOAK = process.env.HEARTH_SOAK === '1';
const DEVICES = SOAK ? 1_000 : 300;
const JUNK = 300;
const COMMANDS = SOAK ? 200 : 60;
// The bound this test holds the hub to: no command during the attack slower than this.
const WORST_MS_BOUND = 2_000;
const address = (block: number, i: number) => `127.0.${block}.${(i % 40) + 2}`;

let hub: TestHub;
let lock: TestLock;
const devices: MqttClient[] = [];
const junk: Socket[] = [];

before(async () => {
  hub = await startLockHub({ confirmTimeoutMs: SHORT_TIMEOUT_MS * 3 });
  const raised = await call(hub, 'PATCH', '/api/v1/settings', {
    json: { broker: { maxConnections: DEVICES + JUNK + 200 } },
  });
  assert.equal(raised.status, 200);
  lock = await joinLock(hub, 'front-door', 'Front door', confirm());
  await lock.settle('LOCKED');
  // Joining closed again: from here on, nothing joins without the owner.
  assert.equal(
    (await call(hub, 'POST', '/api/v1/permit-join', { json: { seconds: 0 } })).status,
    200,
  );
  // Devices waiting to join (the cheapest real connected device), 25 per source address.
  const port = Number(new URL(hub.mqttUrl).port);
  for (let i = 0; i < DEVICES; i += 50) {
    await Promise.all(
      Array.from({ length: Math.min(50, DEVICES - i) }, (_, j) =>
        connectFrom(port, address(1, i + j), `sensor-${i + j}`).then((c) => devices.push(c)),
      ),
    );
  }
});

after(async () => {
  for (const socket of junk) socket.destroy();
  await Promise.all(devices.map((client) => client.endAsync(true)));
  await lock?.end();
  await hub?.close();
});

function connectFrom(port: number, localAddress: string, clientId: string): Promise<MqttClient> {
  return new Promise((resolve, reject) => {
    const client = new mqtt.MqttClient(
      () => connectTcp({ host: '127.0.0.1', port, localAddress }),
      { clientId, reconnectPeriod: 0, connectTimeout: 10_000, keepalive: 60 },
    );
    client.once('connect', () => resolve(client));
    client.once('error', reject);
  });
}

async function driveLock(count: number): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const started = performance.now();
    const answer = await command(hub, 'front-door', i % 2 === 0 ? 'unlock' : 'lock');
    times.push(performance.now() - started);
    assert.equal(answer.status, 200, `command ${i}: ${JSON.stringify(answer.body)}`);
  }
  return times.sort((a, b) => a - b);
}

const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;

test(`${DEVICES} devices connected, ${JUNK} junk connections, a hand_shake flood and a token brute force: every lock command still succeeds`, async (t) => {
  const port = Number(new URL(hub.mqttUrl).port);
  const httpPort = Number(new URL(hub.httpUrl).port);
  const quiet = await driveLock(20);

  let running = true;
  const attacks: Array<Promise<unknown>> = [];
  // 300 junk connections: half a CONNECT, then silence (they hold their slots open).
  for (let i = 0; i < JUNK; i++) {
    const socket = connectTcp({ host: '127.0.0.1', port, localAddress: address(2, i) });
    socket.on('error', () => {});
    socket.once('connect', () => socket.write(connectPacket(`junk-${i}`).subarray(0, 7)));
    junk.push(socket);
  }
  // A hand_shake flood from 20 clients.
  const flooders = await Promise.all(
    Array.from({ length: 20 }, (_, i) => connectFrom(port, address(3, i), `flood-${i}`)),
  );
  let handShakes = 0;
  for (const [i, flooder] of flooders.entries()) {
    attacks.push(
      (async () => {
        for (let n = 0; running && flooder.connected; n++) {
          flooder.publish('hearth/action', `hand_shake flood-${i} lock Flood ${n}`, { qos: 0 });
          handShakes++;
          await new Promise((resolve) => setTimeout(resolve, 5));
        }
      })(),
    );
  }
  // A token brute force over HTTP from 8 addresses.
  let guesses = 0;
  const refused = new Map<number, number>();
  for (let i = 0; i < 8; i++) {
    attacks.push(
      (async () => {
        while (running) {
          const status = await new Promise<number>((resolve) => {
            const req = request(
              {
                host: '127.0.0.1',
                port: httpPort,
                path: '/api/v1/devices/front-door/unlock',
                method: 'POST',
                localAddress: address(4, i),
                headers: { authorization: `Bearer guess-${guesses}-${Math.random()}` },
              },
              (res) => {
                res.resume();
                resolve(res.statusCode ?? 0);
              },
            );
            req.on('error', () => resolve(0));
            req.end();
          });
          guesses++;
          refused.set(status, (refused.get(status) ?? 0) + 1);
        }
      })(),
    );
  }

  const attacked = await driveLock(COMMANDS);
  running = false;
  await Promise.all(attacks);
  await Promise.all(flooders.map((client) => client.endAsync(true)));

  t.diagnostic(
    `lock round trip, quiet: p50 ${pct(quiet, 0.5).toFixed(1)} ms, max ${pct(quiet, 1).toFixed(1)} ms; ` +
      `under attack (${DEVICES} devices, ${JUNK} junk sockets, ${handShakes} hand_shakes, ${guesses} wrong tokens): ` +
      `p50 ${pct(attacked, 0.5).toFixed(1)} ms, p99 ${pct(attacked, 0.99).toFixed(1)} ms, max ${pct(attacked, 1).toFixed(1)} ms`,
  );
  assert.ok(
    pct(attacked, 1) < WORST_MS_BOUND,
    `worst command took ${pct(attacked, 1).toFixed(0)} ms`,
  );
  assert.ok(guesses > 100, 'the brute force ran');
  assert.equal(refused.get(200) ?? 0, 0, 'no guessed token was accepted');
  assert.ok(
    (refused.get(401) ?? 0) + (refused.get(429) ?? 0) === guesses,
    JSON.stringify([...refused]),
  );
  assert.ok((refused.get(429) ?? 0) > 0, 'the brute force was locked out');
  // The flood joined nobody: at most pending, waiting for the owner.
  const list = (await call(hub, 'GET', '/api/v1/devices')).body.devices as Array<{
    id: string;
    status: string;
  }>;
  assert.deepEqual(
    list.filter((d) => d.id.startsWith('flood-') && d.status === 'approved'),
    [],
  );
  assert.equal(lock.commands.length, 20 + COMMANDS, 'the lock got exactly the commands sent');
  await setLockSettings(hub, { confirmTimeoutMs: SHORT_TIMEOUT_MS });
});
