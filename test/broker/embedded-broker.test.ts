// The broker as the hub uses it: real mqtt.js clients, the MessageBus API, start and stop.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { StartupError } from '../../src-main/hub/errors.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { EmbeddedBroker } from '../../src-main/hub/broker/embedded-broker.js';
import type { InboundMessage } from '../../src-main/hub/broker/bus.js';
import { HOST, TEST_LIMITS, assertServed, connectClient, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';
import { CONTROL_PASSWORD, createTestAccess } from './test-access.js';

test('clients talk through the broker; bus handlers hear clients, not the hub itself', async () => {
  const fixture = await startFixture();
  try {
    const heard: InboundMessage[] = [];
    const stop = fixture.broker.subscribe('rooms/+/temp', (message) => heard.push(message));
    const everything: string[] = [];
    fixture.broker.subscribe('#', (message) => everything.push(message.topic));
    const subscriber = await fixture.connect({ clientId: 'panel' });
    const publisher = await fixture.connect({ clientId: 'script', password: CONTROL_PASSWORD });
    assert.equal(fixture.broker.connectedClients, 2);

    const got = new Promise<string>((resolve) =>
      subscriber.on('message', (_t, p) => resolve(p.toString())),
    );
    await subscriber.subscribeAsync('rooms/#', { qos: 1 });
    await publisher.publishAsync('rooms/kitchen/temp', '21.5', { qos: 1 });
    assert.equal(await within(got, 5000, 'delivery'), '21.5');

    await fixture.broker.publish('rooms/hall/temp', 'from the hub', { qos: 1 });
    await assertServed(subscriber); // lets the hub's message pass through aedes first
    assert.equal(heard.length, 1);
    assert.deepEqual(
      { ...heard[0], payload: heard[0]?.payload.toString() },
      {
        topic: 'rooms/kitchen/temp',
        payload: '21.5',
        clientId: 'script',
        principal: { kind: 'token', tokenId: 'control-1', scope: 'control' },
      },
    );
    assert.ok(!everything.includes('rooms/hall/temp'), 'the hub does not hear itself');
    assert.ok(
      !everything.some((topic) => topic.startsWith('$')),
      '`#` does not match $SYS [MQTT-4.7.2-1]',
    );

    stop();
    await publisher.publishAsync('rooms/kitchen/temp', '22', { qos: 1 });
    await assertServed(publisher);
    assert.equal(heard.length, 1, 'an unsubscribed handler hears nothing more');
  } finally {
    await fixture.close();
  }
});

test('a throwing bus handler is logged and does not stop the others', async () => {
  const fixture = await startFixture();
  try {
    fixture.broker.subscribe('a/b', () => {
      throw new Error('handler bug');
    });
    const heard = new Promise<string>((resolve) =>
      fixture.broker.subscribe('a/+', (m) => resolve(m.payload.toString())),
    );
    const client = await fixture.connect();
    await client.publishAsync('a/b', 'x', { qos: 1 });
    assert.equal(await within(heard, 5000, 'second handler'), 'x');
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('a message handler failed') && line.includes('handler bug'),
      ),
    );
    await assertServed(client);
    assert.throws(() => fixture.broker.subscribe('a/#/b', () => {}), TypeError);
  } finally {
    await fixture.close();
  }
});

test("a client's will reaches bus handlers with that client's principal", async () => {
  const fixture = await startFixture();
  try {
    const heard = new Promise<InboundMessage>((resolve) =>
      fixture.broker.subscribe('devices/+/availability', resolve),
    );
    const device = await fixture.connect({
      clientId: 'lock-9',
      username: 'lock-9',
      password: 'device-secret',
      will: {
        topic: 'devices/lock-9/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    device.stream.destroy(); // a lost connection, not a DISCONNECT: the will goes out
    const will = await within(heard, 5000, 'the will');
    assert.equal(will.payload.toString(), 'offline');
    assert.equal(will.clientId, 'lock-9');
    assert.deepEqual(will.principal, {
      kind: 'device',
      deviceId: 'lock-9',
      stage: 'approved',
      address: '127.0.0.1',
    });
  } finally {
    await fixture.close();
  }
});

test('the hub publishes retained messages and refuses wildcard topics', async () => {
  const fixture = await startFixture();
  try {
    await fixture.broker.publish('hearth/devices', '[]', { qos: 1, retain: true });
    const client = await fixture.connect();
    const got = new Promise<[string, boolean]>((resolve) =>
      client.on('message', (_t, payload, packet) => resolve([payload.toString(), packet.retain])),
    );
    await client.subscribeAsync('hearth/devices', { qos: 1 });
    assert.deepEqual(await within(got, 5000, 'retained delivery'), ['[]', true]);
    await assert.rejects(fixture.broker.publish('a/+', 'x'), TypeError);
    await assert.rejects(fixture.broker.publish('', 'x'), TypeError);
  } finally {
    await fixture.close();
  }
});

test('bad credentials get CONNACK 0x04 and others stay served', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'intruder', password: Buffer.from('wrong') });
    assert.equal(await raw.connackCode(), 4);
    await within(raw.closed, 5000, 'close after refusal');
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('MQTT connection refused') && line.includes('intruder'),
      ),
    );
    assert.equal(fixture.broker.connectedClients, 1);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.3.5-2] publishing to $SYS closes the connection, the message goes nowhere', async () => {
  const fixture = await startFixture();
  try {
    const watcher = await fixture.connect({ clientId: 'watcher' });
    const seen: string[] = [];
    watcher.on('message', (topic) => seen.push(topic));
    await watcher.subscribeAsync('$SYS/forged', { qos: 1 });
    const heard: string[] = [];
    fixture.broker.subscribe('$SYS/#', (message) => heard.push(message.topic));

    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'forger' });
    assert.equal((await raw.nextPacket()).cmd, 'connack');
    raw.send({
      cmd: 'publish',
      topic: '$SYS/forged',
      payload: Buffer.from('x'),
      qos: 1,
      messageId: 7,
      retain: false,
      dup: false,
    });
    await within(raw.closed, 5000, 'disconnect of the forger');

    await assertServed(watcher);
    assert.deepEqual(
      seen.filter((topic) => topic === '$SYS/forged'),
      [],
    );
    assert.deepEqual(heard, []);
    assert.ok(
      fixture.logs.some((line) => line.includes('MQTT publish refused') && line.includes('forger')),
    );
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.9.3-2] a refused subscription gets SUBACK 0x80 and the client stays connected', async () => {
  const fixture = await startFixture();
  try {
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'sub-refused' });
    assert.equal((await raw.nextPacket()).cmd, 'connack');
    raw.send({
      cmd: 'subscribe',
      messageId: 3,
      subscriptions: [
        { topic: 'forbidden/x', qos: 1 },
        { topic: 'allowed/x', qos: 1 },
      ],
    });
    const suback = await raw.nextPacket();
    assert.equal(suback.cmd, 'suback');
    assert.deepEqual('granted' in suback ? suback.granted : null, [128, 1]);
    raw.send({ cmd: 'pingreq' });
    assert.equal((await raw.nextPacket()).cmd, 'pingresp');
    assert.ok(raw.isOpen());
    raw.destroy();
  } finally {
    await fixture.close();
  }
});

test('a refused publish by a device closes only that device', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    const device = await fixture.connect({
      clientId: 'lock-1',
      username: 'lock-1',
      password: 'device-secret',
    });
    const closed = new Promise<void>((resolve) => device.once('close', () => resolve()));
    device.publish('devices/lock-2/state', 'UNLOCKED', { qos: 1 });
    await within(closed, 5000, 'device disconnect');
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('stop disconnects everyone, frees the ports, is idempotent and bounded', async () => {
  const fixture = await startFixture();
  const client = await fixture.connect();
  const raw = await RawClient.open(fixture.mqttPort); // never sends CONNECT
  const closed = new Promise<void>((resolve) => client.once('close', () => resolve()));
  const first = fixture.broker.stop();
  assert.equal(fixture.broker.stop(), first);
  await within(first, 2500, 'stop');
  await within(closed, 2000, 'client close');
  await within(raw.closed, 2000, 'pre-CONNECT connection close');
  await assert.rejects(fixture.broker.publish('x', 'y'));
  for (const port of [fixture.mqttPort, fixture.wsPort]) {
    const server = createServer();
    await new Promise<void>((resolve, reject) =>
      server.once('error', reject).listen(port, HOST, resolve),
    );
    await new Promise((resolve) => server.close(resolve));
  }
  await client.endAsync(true);
});

test('a busy port rejects with a StartupError and closes what was opened', async () => {
  const blocker = createServer();
  await new Promise<void>((resolve) => blocker.listen(0, HOST, resolve));
  const busy = (blocker.address() as AddressInfo).port;
  const free = createServer();
  await new Promise<void>((resolve) => free.listen(0, HOST, resolve));
  const freePort = (free.address() as AddressInfo).port;
  await new Promise((resolve) => free.close(resolve));
  try {
    const options = {
      host: HOST,
      limits: TEST_LIMITS,
      access: createTestAccess(),
      log: silentLogger,
    };
    await assert.rejects(EmbeddedBroker.start({ ...options, mqttPort: busy, wsPort: null }), {
      name: 'StartupError',
      message: `MQTT port ${busy} on ${HOST} is already in use; stop the other program or choose another --mqtt-port`,
    });
    await assert.rejects(
      EmbeddedBroker.start({ ...options, mqttPort: freePort, wsPort: busy }),
      (error) => {
        assert.ok(error instanceof StartupError);
        assert.match(
          error.message,
          new RegExp(`port ${busy} on ${HOST} is already in use.*--ws-port$`),
        );
        return true;
      },
    );
    // The MQTT listener opened before the WebSocket one failed is closed again.
    const broker = await EmbeddedBroker.start({ ...options, mqttPort: freePort, wsPort: null });
    assert.equal(broker.ports.mqtt, freePort);
    await broker.stop();
    await assert.rejects(connectClient(`mqtt://${HOST}:${freePort}`, { connectTimeout: 2000 }));
  } finally {
    await new Promise((resolve) => blocker.close(resolve));
  }
});
