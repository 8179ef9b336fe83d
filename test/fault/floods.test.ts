// Floods from one client must not cost the others (issue 13): QoS 2 publishes whose PUBREL never
// comes, and a subscriber that stops reading while messages for it keep coming. Real hub
// process, real sockets; memory is read from /proc.
import assert from 'node:assert/strict';
import { connect as connectTcp, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import mqttPacket from 'mqtt-packet';
import { connectToken } from '../helpers/mqtt.js';
import { assertHealthy as healthy, rssMiB as rss } from './hub-health.js';
import { removeDir, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { connect } from './mqtt-packets.js';

let hub: HubProcess;
let port: number;
before(async () => {
  hub = await startHubProcess();
  port = hub.ready.mqtt!;
});
after(async () => {
  await hub?.stop();
  if (hub) removeDir(hub.dataDir);
});

const rssMiB = () => rss(hub);
const assertHealthy = (what: string) => healthy(hub, what);
const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** True when the socket drained within `ms`; false when the other side stopped reading. */
function drained(socket: Socket, ms: number): Promise<boolean> {
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      socket.removeListener('drain', done);
      resolve(false);
    }, ms);
    const done = () => {
      clearTimeout(timer);
      resolve(true);
    };
    socket.once('drain', done);
  });
}

async function rawClient(clientId: string) {
  const socket = connectTcp({ host: '127.0.0.1', port });
  socket.on('error', () => {});
  await new Promise<void>((resolve) => socket.once('connect', resolve));
  socket.write(connect(clientId, 'token', hub.adminToken));
  return socket;
}

test('20,000 QoS 2 publishes with PUBREL withheld: memory bounded, others served', async () => {
  const startRss = rssMiB();
  const socket = await rawClient('qos2-flooder');
  socket.on('data', () => {}); // reads the PUBRECs, never answers them
  const payload = Buffer.alloc(1024, 0x42);
  for (let i = 0; i < 20_000; i++) {
    const packet = mqttPacket.generate({
      cmd: 'publish',
      topic: 'flood/qos2',
      payload,
      qos: 2,
      messageId: (i % 65_535) + 1,
      retain: false,
      dup: false,
    });
    // The hub may stop reading from the flooder (TCP back-pressure): that is a fine answer too.
    if (!socket.write(packet) && !(await drained(socket, 2_000))) break;
  }
  await delay(500);
  const grown = rssMiB() - startRss;
  await assertHealthy('during the QoS 2 flood');
  socket.destroy();
  assert.ok(grown < 48, `RSS grew ${grown.toFixed(1)} MiB for 20 MB of unreleased QoS 2`);
});

test('a subscriber that stops reading: the others keep receiving everything, memory bounded', async () => {
  const startRss = rssMiB();
  const stalled = await rawClient('stalled-reader');
  stalled.write(
    mqttPacket.generate({
      cmd: 'subscribe',
      messageId: 1,
      subscriptions: [{ topic: 'flood/#', qos: 0 }],
    }),
  );
  await delay(300);
  stalled.pause(); // from here on it reads nothing: its socket buffers fill up

  const reader = await connectToken(`mqtt://127.0.0.1:${port}`, hub.adminToken);
  let received = 0;
  reader.on('message', () => received++);
  await reader.subscribeAsync('flood/#', { qos: 0 });
  const publisher = await connectToken(`mqtt://127.0.0.1:${port}`, hub.adminToken);
  const payload = Buffer.alloc(10 * 1024, 0x43);
  const COUNT = 3_000; // 30 MB towards a reader that takes none of it
  for (let i = 0; i < COUNT; i++) {
    publisher.publish('flood/x', payload, { qos: 0 });
    if (i % 100 === 99) await delay(5);
  }
  const deadline = Date.now() + 30_000;
  while (received < COUNT && Date.now() < deadline) await delay(50);
  const grown = rssMiB() - startRss;
  assert.equal(received, COUNT, 'the reading subscriber got every message');
  await assertHealthy('with a stalled subscriber');
  assert.ok(grown < 64, `RSS grew ${grown.toFixed(1)} MiB with a stalled subscriber`);
  assert.match(hub.stderr(), /MQTT client disconnected: it stopped reading/, 'it was dropped');
  stalled.destroy();
  await publisher.endAsync();
  await reader.endAsync();
});
