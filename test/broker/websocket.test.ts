// MQTT over WebSocket at /mqtt: the same guard, caps and rules as TCP, plus ws's maxPayload.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import WebSocket from 'ws';
import mqttPacket from 'mqtt-packet';
import type { Packet } from 'mqtt-packet';
import { HOST, assertServed, startFixture } from './broker-fixture.js';
import { connectPacket, within } from './raw-mqtt.js';
import { fixedHeader } from './stream-until-closed.js';

const HUNDRED_MB = 100 * 1000 * 1000;
const MIB = 1024 * 1024;

function openWs(port: number, path = '/mqtt', localAddress?: string): WebSocket {
  return new WebSocket(`ws://${HOST}:${port}${path}`, 'mqtt', localAddress ? { localAddress } : {});
}

function opened(ws: WebSocket): Promise<void> {
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve());
    ws.once('error', reject);
  });
}

function upgradeStatus(ws: WebSocket): Promise<number> {
  return new Promise((resolve, reject) => {
    ws.on('error', () => {}); // terminate() below reports 'closed before the connection was established'
    ws.once('unexpected-response', (_request, response) => {
      resolve(response.statusCode ?? 0);
      ws.terminate();
    });
    ws.once('open', () => reject(new Error('the upgrade was accepted')));
  });
}

function closed(ws: WebSocket): Promise<number> {
  return new Promise((resolve) => ws.once('close', (code) => resolve(code)));
}

function nextPacket(ws: WebSocket): Promise<Packet> {
  const parser = mqttPacket.parser();
  return new Promise((resolve) => {
    parser.once('packet', resolve);
    ws.on('message', (data: Buffer) => parser.parse(data));
  });
}

/** Sends 64 KiB frames after `header` until the broker closes; returns peak memory growth. */
async function streamUntilClosed(
  ws: WebSocket,
  header: Buffer,
): Promise<{ closedByBroker: boolean; growthMiB: number }> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const before = process.memoryUsage().arrayBuffers;
  let peak = before;
  const done = closed(ws);
  ws.on('error', () => {});
  ws.send(header);
  // The broker's close shows first as a readyState past OPEN (a send then fails at once).
  for (let sent = 0; ws.readyState === WebSocket.OPEN && sent < HUNDRED_MB; sent += chunk.length) {
    await new Promise<void>((resolve) => ws.send(chunk, () => resolve()));
    peak = Math.max(peak, process.memoryUsage().arrayBuffers);
  }
  const closedByBroker = ws.readyState !== WebSocket.OPEN;
  ws.terminate();
  await done;
  return { closedByBroker, growthMiB: (peak - before) / MIB };
}

test('mqtt.js works over ws://…/mqtt with subprotocol mqtt', async () => {
  const fixture = await startFixture();
  try {
    const wsClient = await fixture.connect(
      { clientId: 'browser' },
      `ws://${HOST}:${fixture.wsPort}/mqtt`,
    );
    const tcpClient = await fixture.connect({ clientId: 'tcp' });
    const got = new Promise<string>((resolve) =>
      tcpClient.on('message', (_t, p) => resolve(p.toString())),
    );
    await tcpClient.subscribeAsync('from/ws', { qos: 1 });
    await wsClient.publishAsync('from/ws', 'hello', { qos: 1 });
    assert.equal(await within(got, 5000, 'delivery'), 'hello');
    await assertServed(wsClient);

    const ws = openWs(fixture.wsPort);
    await opened(ws);
    assert.equal(ws.protocol, 'mqtt');
    ws.terminate();
  } finally {
    await fixture.close();
  }
});

test('other paths get 404 at upgrade, and plain HTTP gets 404', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect({}, `ws://${HOST}:${fixture.wsPort}/mqtt`);
    assert.equal(await upgradeStatus(openWs(fixture.wsPort, '/')), 404);
    assert.equal(await upgradeStatus(openWs(fixture.wsPort, '/mqtt/x')), 404);
    const response = await fetch(`http://${HOST}:${fixture.wsPort}/mqtt`);
    assert.equal(response.status, 404);
    await response.text();
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.1.0-1] over WebSocket a non-CONNECT first packet declaring 100 MB is closed at once', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect({}, `ws://${HOST}:${fixture.wsPort}/mqtt`);
    const ws = openWs(fixture.wsPort);
    await opened(ws);
    const result = await streamUntilClosed(ws, fixedHeader(3, HUNDRED_MB));
    assert.ok(result.closedByBroker, 'the broker closed the WebSocket');
    assert.ok(result.growthMiB < 20, `buffers grew ${result.growthMiB} MiB`);
    assert.ok(
      fixture.logs.some((line) => line.includes('bad frame') && line.includes('"transport":"ws"')),
    );
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('over WebSocket, after CONNECT, a packet over the per-client cap closes that client', async () => {
  const fixture = await startFixture({ maxPacketBytes: MIB });
  try {
    const bystander = await fixture.connect();
    const ws = openWs(fixture.wsPort);
    await opened(ws);
    const connack = nextPacket(ws);
    ws.send(connectPacket('ws-streamer'));
    const packet = await within(connack, 5000, 'CONNACK');
    assert.equal(packet.cmd === 'connack' ? packet.returnCode : -1, 0);
    const result = await streamUntilClosed(ws, fixedHeader(3, HUNDRED_MB));
    assert.ok(result.closedByBroker, 'the broker closed the WebSocket');
    assert.ok(result.growthMiB < 20, `buffers grew ${result.growthMiB} MiB`);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('a WebSocket message above maxPayload is refused by ws itself (close 1009)', async () => {
  const fixture = await startFixture({ maxPacketBytes: MIB });
  try {
    const bystander = await fixture.connect({}, `ws://${HOST}:${fixture.wsPort}/mqtt`);
    const ws = openWs(fixture.wsPort);
    await opened(ws);
    const connack = nextPacket(ws);
    ws.send(connectPacket('ws-bulk'));
    await within(connack, 5000, 'CONNACK');
    // Each packet is within the cap; the one message holding 30 of them is not.
    const small = mqttPacket.generate({
      cmd: 'publish',
      topic: 'bulk',
      payload: Buffer.alloc(100 * 1024),
      qos: 0,
      retain: false,
      dup: false,
    });
    const code = closed(ws);
    ws.on('error', () => {});
    ws.send(Buffer.concat(Array.from({ length: 30 }, () => small)));
    assert.equal(await within(code, 5000, 'close'), 1009);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('the connection caps apply to WebSocket upgrades too (503), shared with TCP', async () => {
  const fixture = await startFixture({ maxConnectionsPerAddress: 1 });
  try {
    const first = await fixture.connect({}, `ws://${HOST}:${fixture.wsPort}/mqtt`);
    assert.equal(await upgradeStatus(openWs(fixture.wsPort, '/mqtt')), 503);
    const other = openWs(fixture.wsPort, '/mqtt', '127.0.0.2');
    await opened(other);
    other.terminate();
    await assertServed(first);
  } finally {
    await fixture.close();
  }
});
