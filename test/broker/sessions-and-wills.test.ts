// Device sessions are always clean (contract 2.3.4), the CONNECT's will reaches the rules, and
// refusals are reported to the rules for the activity history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ConnectRequest, Refusal } from '../../src-main/hub/broker/access.js';
import { assertServed, startFixture } from './broker-fixture.js';
import { RawClient, within } from './raw-mqtt.js';
import { ADMIN_PASSWORD, DEVICE_PASSWORD, createTestAccess } from './test-access.js';

/** Connects with CleanSession=0, subscribes QoS 1 to `topic`, and drops the connection. */
async function leaveSession(port: number, login: Record<string, unknown>, topic: string) {
  const raw = await RawClient.open(port);
  raw.sendConnect({ ...login, clean: false });
  assert.equal(await raw.connackCode(), 0);
  raw.send({ cmd: 'subscribe', messageId: 1, subscriptions: [{ topic, qos: 1 }] });
  const suback = await raw.nextPacket();
  assert.deepEqual('granted' in suback ? suback.granted : null, [1]);
  raw.destroy();
  await raw.closed;
}

/** Reconnects with CleanSession=0; returns sessionPresent and what arrives before a PINGRESP. */
async function comeBack(port: number, login: Record<string, unknown>) {
  const raw = await RawClient.open(port);
  raw.sendConnect({ ...login, clean: false });
  const connack = await raw.nextPacket();
  assert.equal(connack.cmd, 'connack');
  raw.send({ cmd: 'pingreq' });
  const delivered: string[] = [];
  for (;;) {
    const packet = await raw.nextPacket();
    if (packet.cmd === 'pingresp') break;
    if (packet.cmd === 'publish') delivered.push(`${packet.topic} ${packet.payload.toString()}`);
  }
  raw.destroy();
  return { sessionPresent: 'sessionPresent' in connack && connack.sessionPresent, delivered };
}

test('[MQTT-3.1.2-6] a device asking CleanSession=0 gets a clean session: nothing queued for it', async () => {
  const fixture = await startFixture();
  try {
    const device = {
      clientId: 'lock-1',
      username: 'lock-1',
      password: Buffer.from(DEVICE_PASSWORD),
    };
    await leaveSession(fixture.mqttPort, device, 'devices/lock-1/set');
    await fixture.broker.publish('devices/lock-1/set', 'UNLOCK', { qos: 1 });
    const back = await comeBack(fixture.mqttPort, device);
    assert.equal(back.sessionPresent, false, 'CONNACK says there is no session');
    assert.deepEqual(back.delivered, [], 'the UNLOCK sent while it was away never arrives');
  } finally {
    await fixture.close();
  }
});

test('a token client keeps its persistent session (the same steps, the other answer)', async () => {
  const fixture = await startFixture();
  try {
    const script = {
      clientId: 'script-1',
      username: 'token',
      password: Buffer.from(ADMIN_PASSWORD),
    };
    await leaveSession(fixture.mqttPort, script, 'reports/daily');
    await fixture.broker.publish('reports/daily', 'ready', { qos: 1 });
    const back = await comeBack(fixture.mqttPort, script);
    assert.equal(back.sessionPresent, true);
    assert.deepEqual(back.delivered, ['reports/daily ready']);
  } finally {
    await fixture.close();
  }
});

test('the will travels in the ConnectRequest to the rules', async () => {
  const requests: ConnectRequest[] = [];
  const fixture = await startFixture({}, createTestAccess({ requests }));
  try {
    await fixture.connect({
      clientId: 'lock-2',
      username: 'lock-2',
      password: DEVICE_PASSWORD,
      will: {
        topic: 'devices/lock-2/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    await fixture.connect({ clientId: 'panel' });
    const [withWill, without] = requests;
    assert.deepEqual(withWill?.will, {
      topic: 'devices/lock-2/availability',
      payload: Buffer.from('offline'),
      qos: 1,
      retain: true,
    });
    assert.equal(withWill?.address, '127.0.0.1');
    assert.equal(without?.will, null);
  } finally {
    await fixture.close();
  }
});

test("a will on a $ topic gets CONNACK 0x05: $ is the broker's whatever the rules say", async () => {
  const refusals: Refusal[] = [];
  const fixture = await startFixture({}, createTestAccess({ refusals }));
  try {
    const bystander = await fixture.connect({ clientId: 'panel' });
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({
      clientId: 'forger',
      will: { topic: '$SYS/broker/uptime', payload: Buffer.from('0'), qos: 0, retain: true },
    });
    assert.equal(await raw.connackCode(), 5);
    await within(raw.closed, 5000, 'close after refusal');
    assert.equal(fixture.broker.isConnected('forger'), false);
    assert.equal(refusals.length, 1);
    assert.equal(refusals[0]?.action, 'connect');
    assert.equal(refusals[0]?.returnCode, 5);
    assert.equal(refusals[0]?.principal?.kind, 'token');
    await assertServed(bystander);
  } finally {
    await fixture.close();
  }
});

test('refused publishes and subscriptions are reported to the rules with who and what', async () => {
  const refusals: Refusal[] = [];
  const fixture = await startFixture({}, createTestAccess({ refusals }));
  try {
    const raw = await RawClient.open(fixture.mqttPort);
    raw.sendConnect({
      clientId: 'lock-3',
      username: 'lock-3',
      password: Buffer.from(DEVICE_PASSWORD),
    });
    assert.equal(await raw.connackCode(), 0);
    raw.send({
      cmd: 'subscribe',
      messageId: 2,
      subscriptions: [{ topic: 'devices/lock-4/#', qos: 1 }],
    });
    const suback = await raw.nextPacket();
    assert.deepEqual('granted' in suback ? suback.granted : null, [128]);
    raw.send({
      cmd: 'publish',
      topic: 'devices/lock-4/set',
      payload: Buffer.from('UNLOCK'),
      qos: 1,
      messageId: 3,
      retain: false,
      dup: false,
    });
    await within(raw.closed, 5000, 'close after the refused publish');
    assert.deepEqual(
      refusals.map(({ action, clientId, topic, principal }) => [
        action,
        clientId,
        topic,
        principal?.kind,
      ]),
      [
        ['subscribe', 'lock-3', 'devices/lock-4/#', 'device'],
        ['publish', 'lock-3', 'devices/lock-4/set', 'device'],
      ],
    );
  } finally {
    await fixture.close();
  }
});
