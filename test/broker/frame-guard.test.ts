// The frame-length guard in front of aedes, over real sockets: garbage, oversized packets
// before and after CONNECT, and the memory that a 100 MB declared packet may cost.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { TEST_LIMITS, assertServed, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';
import { fixedHeader, streamUntilClosed } from './stream-until-closed.js';

const HUNDRED_MB = 100 * 1000 * 1000;
const MEMORY_BOUND_MIB = 20;

test('garbage on the MQTT port closes that socket; the broker keeps serving', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    for (const garbage of [Buffer.from('GET / HTTP/1.1\r\nHost: hub\r\n\r\n'), randomBytes(4096)]) {
      const raw = await RawClient.open(fixture.mqttPort);
      raw.socket.write(garbage);
      await within(raw.closed, 5000, 'close after garbage');
    }
    // A CONNECT header followed by bytes that are not a CONNECT: aedes's parser refuses it.
    const raw = await RawClient.open(fixture.mqttPort);
    raw.socket.write(Buffer.concat([fixedHeader(1, 40), randomBytes(40)]));
    await within(raw.closed, 5000, 'close after a malformed CONNECT');
    assert.equal(fixture.broker.connectedClients, 1);
    assert.ok(
      fixture.logs.some((line) => line.includes('bad frame') && line.includes('not-connect-first')),
    );
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.1.0-1] a non-CONNECT first packet declaring 100 MB is closed at once; memory stays flat', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    const result = await streamUntilClosed(raw.socket, fixedHeader(3, HUNDRED_MB), HUNDRED_MB);
    assert.ok(result.closedByBroker, `the broker let ${result.bytesWritten} bytes in`);
    assert.ok(
      result.peakRssGrowthMiB < MEMORY_BOUND_MIB,
      `rss grew ${result.peakRssGrowthMiB} MiB`,
    );
    assert.ok(
      result.peakArrayBuffersGrowthMiB < MEMORY_BOUND_MIB,
      `buffers grew ${result.peakArrayBuffersGrowthMiB} MiB`,
    );
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('a CONNECT declaring more than 64 KiB is closed before it is read, whatever the per-client cap', async () => {
  const fixture = await startFixture({ maxPacketBytes: 10 * 1024 * 1024 });
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    const result = await streamUntilClosed(raw.socket, fixedHeader(1, HUNDRED_MB), HUNDRED_MB);
    assert.ok(result.closedByBroker, `the broker let ${result.bytesWritten} bytes in`);
    assert.ok(
      result.peakArrayBuffersGrowthMiB < MEMORY_BOUND_MIB,
      `buffers grew ${result.peakArrayBuffersGrowthMiB} MiB`,
    );

    // A real CONNECT just over 64 KiB (a big will) is refused the same way, with no CONNACK.
    const willed = await RawClient.open(fixture.mqttPort);
    willed.sendConnect({
      clientId: 'big-will',
      will: { topic: 'w', payload: Buffer.alloc(64 * 1024), qos: 0, retain: false },
    });
    await within(willed.closed, 5000, 'close of the big CONNECT');
    await assert.rejects(willed.nextPacket(200), /no packet/);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('after CONNECT, a packet over the per-client cap closes that client; memory stays flat', async () => {
  const fixture = await startFixture({ maxPacketBytes: 1024 * 1024 });
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'streamer' });
    assert.equal(await raw.connackCode(), 0);
    // Bigger than the 64 KiB allowed before CONNECT, within the 1 MiB cap: delivered.
    const got = new Promise<number>((resolve) =>
      bystander.on('message', (_t, payload) => resolve(payload.length)),
    );
    await bystander.subscribeAsync('big', { qos: 0 });
    raw.send({
      cmd: 'publish',
      topic: 'big',
      payload: Buffer.alloc(200 * 1024),
      qos: 0,
      retain: false,
      dup: false,
    });
    assert.equal(await within(got, 5000, 'a 200 KiB message'), 200 * 1024);

    const result = await streamUntilClosed(raw.socket, fixedHeader(3, HUNDRED_MB), HUNDRED_MB);
    assert.ok(result.closedByBroker, `the broker let ${result.bytesWritten} bytes in`);
    assert.ok(
      result.peakRssGrowthMiB < MEMORY_BOUND_MIB,
      `rss grew ${result.peakRssGrowthMiB} MiB`,
    );
    assert.ok(
      result.peakArrayBuffersGrowthMiB < MEMORY_BOUND_MIB,
      `buffers grew ${result.peakArrayBuffersGrowthMiB} MiB`,
    );
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('bad frame') && line.includes('"clientId":"streamer"'),
      ),
    );
    await assertServed(bystander);
    assert.equal(fixture.broker.connectedClients, 1);
  } finally {
    await fixture.close();
  }
});

test('setLimits lowers the cap for the next packet of a connected client', async () => {
  const fixture = await startFixture();
  try {
    const client = await fixture.connect();
    const bystander = await fixture.connect();
    fixture.broker.setLimits({ ...TEST_LIMITS, maxPacketBytes: 1024 });
    const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
    client.publish('x', Buffer.alloc(2048));
    await within(closed, 5000, 'close over the new cap');
    await bystander.publishAsync('x', Buffer.alloc(512), { qos: 1 });
    await assertServed(bystander);
    assert.throws(
      () => fixture.broker.setLimits({ ...TEST_LIMITS, maxConnections: 0 }),
      RangeError,
    );
  } finally {
    await fixture.close();
  }
});
