// MQTT wire fuzzing against the real hub process (issue 13): seeded runs of random and mutated
// packets of every type, before and after CONNECT, truncated, with flipped flags, bad and
// 5-byte lengths, invalid UTF-8, 150 topic levels and 64 KB topics. Each round ends with a
// healthy client still round-tripping; the hub never exits and its memory stays bounded.
// Fixed seeds: a failure is replayed by running the same seed again.
import assert from 'node:assert/strict';
import { connect as connectTcp, type Socket } from 'node:net';
import { after, before, test } from 'node:test';
import { removeDir, startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { assertHealthy as healthy, rssMiB as rss } from './hub-health.js';
import { connect, mutate, pick, randomPacket, seededRandom, type Random } from './mqtt-packets.js';

const SEEDS = [0x5eed01, 0x5eed02, 0x5eed03, 0x5eed04, 0x5eed05, 0x5eed06, 0x5eed07, 0x5eed08];
const PACKETS_PER_ROUND = 250;
const AT_ONCE = 25;
// Source addresses 127.0.0.2-21: the per-address connection cap is the hub's, not the test's.
const ADDRESSES = Array.from({ length: 20 }, (_, i) => `127.0.0.${i + 2}`);
const RSS_BOUND_MIB = 64;

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
const assertHealthy = (round: string) => healthy(hub, `after ${round}`);

/** One fuzzing connection: maybe a valid CONNECT first, then 1-3 mutated packets. */
async function fuzzOne(random: Random, index: number): Promise<void> {
  const socket: Socket = connectTcp({
    host: '127.0.0.1',
    port,
    localAddress: ADDRESSES[index % ADDRESSES.length],
  });
  socket.on('error', () => {});
  socket.on('data', () => {});
  const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
  await new Promise<void>((resolve) => {
    socket.once('connect', resolve);
    socket.once('close', resolve);
  });
  if (socket.destroyed) return;
  const greeting = random();
  if (greeting < 0.35) socket.write(connect(`fuzz-${index}`, 'token', hub.adminToken));
  else if (greeting < 0.6) socket.write(connect(`fuzz-dev-${index}`));
  const count = 1 + Math.floor(random() * 3);
  for (let i = 0; i < count && !socket.destroyed; i++) {
    socket.write(random() < 0.8 ? mutate(random, randomPacket(random)) : randomPacket(random));
  }
  await Promise.race([closed, new Promise((resolve) => setTimeout(resolve, 300))]);
  socket.destroy();
  await closed;
}

test(`${SEEDS.length} seeded rounds of ${PACKETS_PER_ROUND} fuzzed connections: the hub keeps serving, memory bounded`, async () => {
  await assertHealthy('start');
  const startRss = rssMiB();
  let peakRss = startRss;
  let connections = 0;
  for (const seed of SEEDS) {
    const random = seededRandom(seed);
    for (let done = 0; done < PACKETS_PER_ROUND; done += AT_ONCE) {
      await Promise.all(Array.from({ length: AT_ONCE }, (_, i) => fuzzOne(random, done + i)));
      connections += AT_ONCE;
      peakRss = Math.max(peakRss, rssMiB());
    }
    assert.equal(hub.child.exitCode, null, `the hub exited during seed ${seed.toString(16)}`);
    await assertHealthy(`seed ${seed.toString(16)}`);
  }
  assert.equal(connections, SEEDS.length * PACKETS_PER_ROUND);
  assert.ok(
    peakRss - startRss < RSS_BOUND_MIB,
    `RSS grew from ${startRss.toFixed(1)} to ${peakRss.toFixed(1)} MiB`,
  );
  // Bad input is logged, but not once per byte: a flood must not flood the log either.
  const lines = hub.stderr().split('\n').length + hub.stdout().split('\n').length;
  assert.ok(lines < 3 * connections, `${lines} log lines for ${connections} connections`);
  assert.doesNotMatch(hub.stderr(), /Uncaught|TypeError|RangeError/);
});

test('every packet type as a first packet declaring 100 MB: closed, memory flat', async () => {
  const startRss = rssMiB();
  const random = seededRandom(0x100);
  for (let type = 0; type < 16; type++) {
    const socket = connectTcp({ host: '127.0.0.1', port, localAddress: pick(random, ADDRESSES) });
    socket.on('error', () => {});
    const closed = new Promise<void>((resolve) => socket.once('close', () => resolve()));
    await new Promise<void>((resolve) => socket.once('connect', resolve));
    // 100,000,000 as a remaining length, then up to 4 MiB of the promised bytes.
    socket.write(
      Buffer.from([
        (type << 4) | (type === 6 || type === 8 || type === 10 ? 2 : 0),
        0x80,
        0xc2,
        0xd7,
        0x2f,
      ]),
    );
    const chunk = Buffer.alloc(64 * 1024, 0x41);
    for (let sent = 0; sent < 4 * 1024 * 1024 && !socket.destroyed; sent += chunk.length) {
      if (!socket.write(chunk)) {
        await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closed]);
      }
    }
    await Promise.race([
      closed,
      new Promise((_, reject) =>
        setTimeout(() => reject(new Error(`type ${type} not closed`)), 5_000),
      ),
    ]);
  }
  assert.ok(rssMiB() - startRss < 32, 'memory stayed flat');
  await assertHealthy('the 100 MB first packets');
});
