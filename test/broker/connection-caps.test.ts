// The global and per-address connection caps, from several loopback addresses (127.0.0.x).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TEST_LIMITS, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';

/** Opens a raw connection from `localAddress` and completes CONNECT. */
async function connected(port: number, localAddress: string, clientId: string): Promise<RawClient> {
  const raw = await RawClient.open(port, localAddress);
  raw.sendConnect({ clientId });
  assert.equal(await raw.connackCode(), 0);
  return raw;
}

async function stillServed(raws: RawClient[]): Promise<void> {
  for (const raw of raws) {
    raw.send({ cmd: 'pingreq' });
    assert.equal((await raw.nextPacket()).cmd, 'pingresp');
  }
}

/** A refused connection is closed by the broker before any MQTT is exchanged. */
async function assertRefused(port: number, localAddress: string): Promise<void> {
  const raw = await RawClient.open(port, localAddress);
  raw.sendConnect({ clientId: `refused-${localAddress}` });
  await within(raw.closed, 5000, `refusal of a connection from ${localAddress}`);
  await assert.rejects(raw.nextPacket(100), /no packet/, 'no CONNACK for a refused connection');
}

test('the per-address cap refuses the extra connection from that address only; a close frees its slot', async () => {
  const fixture = await startFixture({ maxConnections: 50, maxConnectionsPerAddress: 2 });
  try {
    const a1 = await connected(fixture.mqttPort, '127.0.0.2', 'a1');
    const a2 = await connected(fixture.mqttPort, '127.0.0.2', 'a2');
    const b1 = await connected(fixture.mqttPort, '127.0.0.3', 'b1');
    await assertRefused(fixture.mqttPort, '127.0.0.2');
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('maxConnectionsPerAddress') && line.includes('127.0.0.2'),
      ),
    );
    await stillServed([a1, a2, b1]);
    const b2 = await connected(fixture.mqttPort, '127.0.0.3', 'b2');

    a1.destroy();
    await a1.closed;
    // The broker sees the close a moment later; retry until the slot is free (bounded).
    let a3: RawClient | null = null;
    for (let attempt = 0; attempt < 50 && !a3; attempt++) {
      const raw = await RawClient.open(fixture.mqttPort, '127.0.0.2');
      raw.sendConnect({ clientId: 'a3' });
      const packet = await raw.nextPacket(1000).catch(() => null);
      if (packet?.cmd === 'connack' && packet.returnCode === 0) a3 = raw;
      else raw.destroy();
    }
    assert.ok(a3, 'the freed slot was given to a new connection');
    await stillServed([a2, a3, b1, b2]);
    for (const raw of [a2, a3, b1, b2]) raw.destroy();
  } finally {
    await fixture.close();
  }
});

test('the global cap refuses the extra connection from any address; the others keep working', async () => {
  const fixture = await startFixture({ maxConnections: 3, maxConnectionsPerAddress: 3 });
  try {
    const raws = [
      await connected(fixture.mqttPort, '127.0.0.4', 'g1'),
      await connected(fixture.mqttPort, '127.0.0.5', 'g2'),
      await connected(fixture.mqttPort, '127.0.0.6', 'g3'),
    ];
    await assertRefused(fixture.mqttPort, '127.0.0.7');
    await assertRefused(fixture.mqttPort, '127.0.0.4');
    assert.ok(fixture.logs.some((line) => line.includes('"cap":"maxConnections"')));
    assert.equal(fixture.broker.connectedClients, 3);
    await stillServed(raws);

    // Raising the cap at run time lets the next connection in.
    fixture.broker.setLimits({ ...TEST_LIMITS, maxConnections: 4, maxConnectionsPerAddress: 3 });
    const g4 = await connected(fixture.mqttPort, '127.0.0.7', 'g4');
    await stillServed([...raws, g4]);
    for (const raw of [...raws, g4]) raw.destroy();
  } finally {
    await fixture.close();
  }
});

test('connections that never sent CONNECT count against the caps too', async () => {
  const fixture = await startFixture({ maxConnections: 50, maxConnectionsPerAddress: 1 });
  try {
    const idle = await RawClient.open(fixture.mqttPort, '127.0.0.8');
    await assertRefused(fixture.mqttPort, '127.0.0.8');
    const other = await connected(fixture.mqttPort, '127.0.0.9', 'other');
    await stillServed([other]);
    assert.ok(idle.isOpen());
    idle.destroy();
    other.destroy();
  } finally {
    await fixture.close();
  }
});
