// The password + ACL files Hearth renders, loaded by a real Mosquitto 2.0.11: what it enforces
// for the hub, approved devices and joining devices (contract 2.3).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  ACL_LINES,
  NOT_AUTHORIZED,
  SYS_READER,
  aclFiles,
  connackCode,
  homeAccounts,
  mosquittoForFile,
  publishCode,
  receivedUntil,
  subackCode,
  topic,
} from './probe.js';

const p = mosquittoForFile({ files: aclFiles(homeAccounts()), lines: ACL_LINES });

test('the hub reads and writes every hearth topic, with the hash Hearth wrote', async () => {
  const hub = await p().hub();
  assert.equal(await subackCode(hub, 'hearth/#'), 1);
  const seen = await receivedUntil(hub, async () => {}, {
    publisher: hub,
    topic: topic('lock1', 'set'),
  });
  assert.deepEqual(seen, []);
  assert.equal(await publishCode(hub, 'homeassistant/x'), 0);
});

test('an approved device logs in with its secret and publishes its own topics', async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('hearth/#', { qos: 1 });
  const lock1 = await p().device('lock1');
  const seen = await receivedUntil(
    hub,
    async () => {
      for (const name of ['state', 'availability', 'stranger', 'action']) {
        assert.equal(await publishCode(lock1, topic('lock1', name), name), 0, name);
      }
    },
    { publisher: hub, topic: 'hearth/control' },
  );
  assert.deepEqual(
    seen,
    ['state', 'availability', 'stranger', 'action'].map((n) => `${topic('lock1', n)} ${n}`),
  );
});

test('wrong password, unknown user, or an approved device without a known secret: refused', async () => {
  const wrong = { username: 'lock1', password: 'not-the-secret', clientId: 'lock1' };
  assert.equal(await connackCode(p().url, wrong), NOT_AUTHORIZED);
  assert.equal(await connackCode(p().url, { ...wrong, protocolVersion: 4 }), 5);
  assert.equal(await connackCode(p().url, { ...wrong, username: 'nobody' }), NOT_AUTHORIZED);
  assert.equal(
    await connackCode(p().url, { ...wrong, username: 'old1', clientId: 'old1' }),
    NOT_AUTHORIZED,
  );
  assert.equal(
    await connackCode(p().url, { ...wrong, username: 'pend1', clientId: 'pend1' }),
    NOT_AUTHORIZED,
  );
});

test("an approved device is refused another device's topics, hearth/ and others (PUBACK 0x87)", async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('#', { qos: 1 });
  const lock1 = await p().device('lock1');
  const seen = await receivedUntil(
    hub,
    async () => {
      for (const forbidden of [
        topic('lock2', 'state'),
        topic('lock2', 'action'),
        topic('lock1', 'set'),
        topic('lock1', 'hand_shake'),
        'hearth/action',
        'hearth/devices',
        'other/topic',
      ]) {
        assert.equal(await publishCode(lock1, forbidden), NOT_AUTHORIZED, forbidden);
      }
    },
    { publisher: lock1, topic: topic('lock1', 'state') },
  );
  assert.deepEqual(seen, []);
});

test("subscriptions are granted but deliver only the device's own set and reply/# (as the notes say); no hand_shake once it logs in", async () => {
  const hub = await p().hub();
  await hub.publishAsync('hearth/devices', '[]', { qos: 1, retain: true });
  const lock1 = await p().device('lock1');
  for (const filter of [
    topic('lock2', 'set'),
    topic('lock2', 'hand_shake'),
    '#',
    '$SYS/#',
    'hearth/devices/+/set',
  ]) {
    assert.equal(await subackCode(lock1, filter), 1, filter);
  }
  await lock1.subscribeAsync(topic('lock1', 'reply/#'), { qos: 1 });
  const seen = await receivedUntil(
    lock1,
    async () => {
      for (const t of [
        topic('lock2', 'set'),
        topic('lock2', 'hand_shake'),
        topic('lock1', 'hand_shake'),
        'other/x',
        topic('lock1', 'reply/ping'),
      ]) {
        await hub.publishAsync(t, 'm', { qos: 1 });
      }
    },
    { publisher: hub, topic: topic('lock1', 'set') },
  );
  // Two subscriptions match reply/ping ('#' and reply/#): Mosquitto sends one copy for each.
  assert.deepEqual([...new Set(seen)], [`${topic('lock1', 'reply/ping')} m`]);
  await hub.publishAsync('hearth/devices', '', { qos: 1, retain: true });
});

test('$SYS: a device gets none of it, while a reader allowed $SYS does', async () => {
  const reader = await p().connect(SYS_READER);
  const version = new Promise<string>((resolve) => reader.on('message', (t) => resolve(t)));
  await reader.subscribeAsync('$SYS/broker/version', { qos: 1 });
  assert.equal(await version, '$SYS/broker/version'); // retained: delivered at once
  const hub = await p().hub();
  const lock1 = await p().device('lock1');
  const seen = await receivedUntil(
    lock1,
    async () => {
      await lock1.subscribeAsync('$SYS/#', { qos: 1 });
      await hub.subscribeAsync('$SYS/#', { qos: 1 });
    },
    { publisher: hub, topic: topic('lock1', 'set') },
  );
  assert.deepEqual(seen, []);
});

test('an anonymous device with a new id publishes only its own action, reads only its own hand_shake', async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('hearth/#', { qos: 1 });
  const joiner = await p().anonymous('new1');
  const toHub = await receivedUntil(
    hub,
    async () => {
      for (const t of [
        topic('new1', 'state'),
        topic('other', 'action'),
        topic('lock1', 'action'),
        'hearth/action',
      ]) {
        assert.equal(await publishCode(joiner, t), NOT_AUTHORIZED, t);
      }
      assert.equal(await publishCode(joiner, topic('new1', 'action'), 'hand_shake new1'), 0);
    },
    { publisher: hub, topic: 'hearth/control' },
  );
  assert.deepEqual(toHub, [`${topic('new1', 'action')} hand_shake new1`]);
  for (const filter of [
    topic('new1', 'hand_shake'),
    topic('other', 'hand_shake'),
    topic('lock1', 'hand_shake'),
  ]) {
    await joiner.subscribeAsync(filter, { qos: 1 });
  }
  const toJoiner = await receivedUntil(
    joiner,
    async () => {
      await hub.publishAsync(topic('other', 'hand_shake'), 'pending', { qos: 1 });
      await hub.publishAsync(topic('lock1', 'hand_shake'), 'approved x', { qos: 1 });
    },
    { publisher: hub, topic: topic('new1', 'hand_shake') },
  );
  assert.deepEqual(toJoiner, []);
});
