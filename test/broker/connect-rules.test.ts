// The broker's own CONNECT rules: client ids, keep-alive, and the connect timeout.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setTimeout as delay } from 'node:timers/promises';
import { assertServed, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';
import { DEVICE_PASSWORD } from './test-access.js';

test('[MQTT-3.1.3-8] an empty client id with CleanSession=0 gets CONNACK 0x02 and is closed', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendRawConnect({ clientId: '', clean: false });
    assert.equal(await raw.connackCode(), 2);
    await within(raw.closed, 5000, 'close after refusal');
    assert.equal(fixture.broker.connectedClients, 1);
    assert.ok(fixture.logs.some((line) => line.includes('empty client id needs CleanSession=1')));
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.1.3-6] [MQTT-3.1.3-7] empty client ids with a clean session get distinct ids', async () => {
  const fixture = await startFixture();
  try {
    const first = await RawClient.open(fixture.mqttPort);
    const second = await RawClient.open(fixture.mqttPort);
    for (const raw of [first, second]) {
      raw.sendConnect({ clientId: '', clean: true });
      assert.equal(await raw.connackCode(), 0);
    }
    assert.equal(fixture.broker.connectedClients, 2, 'the second did not take over the first');
    for (const raw of [first, second]) {
      raw.send({ cmd: 'pingreq' });
      assert.equal((await raw.nextPacket()).cmd, 'pingresp');
    }
    first.destroy();
    second.destroy();
  } finally {
    await fixture.close();
  }
});

test('MQTT 3.1 has no empty client ids: CONNACK 0x02', async () => {
  const fixture = await startFixture();
  try {
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendRawConnect({ clientId: '', clean: true, protocolVersion: 3 });
    assert.equal(await raw.connackCode(), 2);
    await within(raw.closed, 5000, 'close after refusal');
  } finally {
    await fixture.close();
  }
});

test('a keep-alive above the limit gets CONNACK 0x02, as Mosquitto max_keepalive does for 3.1.1', async () => {
  const fixture = await startFixture({ maxKeepAliveSeconds: 60 });
  try {
    const bystander = await fixture.connect({ keepalive: 60 });
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'slow-pinger', keepalive: 61 });
    assert.equal(await raw.connackCode(), 2);
    await within(raw.closed, 5000, 'close after refusal');
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('keep-alive above 60 s') && line.includes('slow-pinger'),
      ),
    );
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('[MQTT-3.1.2-10] keep-alive 0 (never timed out) is only for token clients', async () => {
  const fixture = await startFixture({ maxKeepAliveSeconds: 60 });
  try {
    const script = await RawClient.open(fixture.mqttPort);
    script.sendConnect({ clientId: 'script', keepalive: 0 });
    assert.equal(await script.connackCode(), 0);

    const device = await RawClient.open(fixture.mqttPort);
    device.sendConnect({
      clientId: 'lock-1',
      username: 'lock-1',
      password: Buffer.from(DEVICE_PASSWORD),
      keepalive: 0,
    });
    assert.equal(await device.connackCode(), 2);
    await within(device.closed, 5000, 'close after refusal');

    const goodDevice = await RawClient.open(fixture.mqttPort);
    goodDevice.sendConnect({
      clientId: 'lock-1',
      username: 'lock-1',
      password: Buffer.from(DEVICE_PASSWORD),
      keepalive: 30,
    });
    assert.equal(await goodDevice.connackCode(), 0);

    script.send({ cmd: 'pingreq' });
    assert.equal((await script.nextPacket()).cmd, 'pingresp');
    assert.equal(fixture.broker.connectedClients, 2);
    script.destroy();
    goodDevice.destroy();
  } finally {
    await fixture.close();
  }
});

test('a connection that does not complete CONNECT in connectTimeoutMs is closed', async () => {
  const fixture = await startFixture({ connectTimeoutMs: 300 });
  try {
    const silent = await RawClient.open(fixture.mqttPort);
    const partial = await RawClient.open(fixture.mqttPort);
    partial.socket.write(Buffer.from([0x10, 0x20, 0x00])); // the start of a CONNECT, then nothing
    const bystander = await fixture.connect();
    await within(silent.closed, 5000, 'close of the silent connection');
    await within(partial.closed, 5000, 'close of the half CONNECT');
    assert.ok(fixture.logs.some((line) => line.includes('no CONNECT in time')));
    // Well past the timeout, the connected client was not touched by it.
    await delay(400);
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('an authentication that never answers is cut off by the connect timeout', async () => {
  const fixture = await startFixture({ connectTimeoutMs: 300 });
  try {
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'waits-forever', username: 'hang' });
    await within(raw.closed, 5000, 'close of the stuck CONNECT');
    await assert.rejects(raw.nextPacket(100), /no packet/, 'no CONNACK');
    await assertServed(await fixture.connect());
  } finally {
    await fixture.close();
  }
});

test('access rules that throw refuse with CONNACK 0x03 and are logged', async () => {
  const fixture = await startFixture();
  try {
    const bystander = await fixture.connect();
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({ clientId: 'unlucky', username: 'explode' });
    assert.equal(await raw.connackCode(), 3);
    await within(raw.closed, 5000, 'close after refusal');
    assert.ok(
      fixture.logs.some(
        (line) => line.includes('MQTT access rules failed') && line.includes('rules crashed'),
      ),
    );
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});
