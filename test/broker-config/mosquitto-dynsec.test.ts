// The dynamic-security.json Hearth renders, loaded by a real Mosquitto 2.0.11 with the dynsec
// plugin: what it enforces (contract 2.3), and what its notes concede.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { mosquittoPasswordHash } from '../../src-main/hub/broker-config/mosquitto-password.js';
import type { BrokerAccounts } from '../../src-main/hub/broker-config/broker-accounts.js';
import {
  DYNSEC_LINES,
  NOT_AUTHORIZED,
  SECRETS,
  connackCode,
  dynsecFiles,
  dynsecSend,
  homeAccounts,
  mosquittoForFile,
  publishCode,
  receivedUntil,
  subackCode,
  topic,
} from './probe.js';

const ZIGBEE = { username: 'integration:zigbee', password: 'zigbee-password' };

function accounts(): BrokerAccounts {
  return {
    ...homeAccounts(),
    integrations: [
      {
        id: 'zigbee',
        username: ZIGBEE.username,
        brokerHash: mosquittoPasswordHash(ZIGBEE.password),
        rights: [
          { filter: 'zigbee2mqtt/#', publish: true, subscribe: true },
          // Too wide on purpose: the hub's topics and hand_shakes stay out of reach anyway.
          { filter: '#', publish: true, subscribe: true },
        ],
      },
    ],
  };
}

const p = mosquittoForFile({ files: dynsecFiles(accounts()), lines: DYNSEC_LINES });

test('the hub reads and writes hearth topics and may use the plugin API', async () => {
  const hub = await p().hub();
  assert.deepEqual(
    await receivedUntil(hub, async () => {}, { publisher: hub, topic: 'hearth/x' }),
    [],
  );
  const replies = await dynsecSend(hub, [{ command: 'getClient', username: 'lock1' }]);
  assert.match(replies, /"clientid":\s*"lock1"/);
});

test('an approved device logs in with its secret; its state reaches the hub', async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('hearth/#', { qos: 1 });
  const lock1 = await p().device('lock1');
  const seen = await receivedUntil(
    hub,
    async () => {
      for (const name of ['state', 'availability', 'stranger', 'action']) {
        assert.equal(await publishCode(lock1, topic('lock1', name), name), 0, name);
      }
      assert.equal(await publishCode(lock1, topic('lock2', 'state')), NOT_AUTHORIZED);
      assert.equal(await publishCode(lock1, 'hearth/action'), NOT_AUTHORIZED);
    },
    { publisher: hub, topic: 'hearth/control' },
  );
  assert.deepEqual(
    seen,
    ['state', 'availability', 'stranger', 'action'].map((n) => `${topic('lock1', n)} ${n}`),
  );
});

test('refused: wrong password, another client id (also (b)), no known secret', async () => {
  const lock1 = { username: 'lock1', password: SECRETS.lock1!, clientId: 'lock1' };
  assert.equal(await connackCode(p().url, { ...lock1, password: 'wrong' }), NOT_AUTHORIZED);
  assert.equal(await connackCode(p().url, { ...lock1, password: 'wrong', protocolVersion: 4 }), 5);
  assert.equal(await connackCode(p().url, { ...lock1, clientId: 'lock1-other' }), NOT_AUTHORIZED);
  const lock2AsLock1 = { username: 'lock2', password: SECRETS.lock2!, clientId: 'lock1' };
  assert.equal(await connackCode(p().url, lock2AsLock1), NOT_AUTHORIZED);
  const old1 = { username: 'old1', password: 'anything', clientId: 'old1' };
  assert.equal(await connackCode(p().url, old1), NOT_AUTHORIZED);
});

test("a device's subscriptions: only its own set, hand_shake, reply/# (SUBACK 0x87)", async () => {
  const lock1 = await p().device('lock1');
  for (const own of [
    topic('lock1', 'set'),
    topic('lock1', 'hand_shake'),
    topic('lock1', 'reply/#'),
  ]) {
    assert.equal(await subackCode(lock1, own), 1, own);
  }
  for (const filter of [topic('lock2', 'set'), 'hearth/devices/+/set', '#', '$SYS/#', 'hearth/#']) {
    assert.equal(await subackCode(lock1, filter), NOT_AUTHORIZED, filter);
  }
});

test('an anonymous device: its own action and hand_shake, no wildcard, no closed id', async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('hearth/#', { qos: 1 });
  const joiner = await p().anonymous('new1');
  const toHub = await receivedUntil(
    hub,
    async () => {
      for (const t of [topic('new1', 'state'), topic('lock1', 'action'), 'hearth/action', 'x/y']) {
        assert.equal(await publishCode(joiner, t), NOT_AUTHORIZED, t);
      }
      assert.equal(await publishCode(joiner, topic('new1', 'action'), 'hand_shake new1'), 0);
    },
    { publisher: hub, topic: 'hearth/control' },
  );
  assert.deepEqual(toHub, [`${topic('new1', 'action')} hand_shake new1`]);
  const refused = ['hearth/devices/+/hand_shake', topic('lock1', 'hand_shake'), 'hearth/#', '#'];
  for (const filter of refused) {
    assert.equal(await subackCode(joiner, filter), NOT_AUTHORIZED, filter);
  }
  const got = await receivedUntil(joiner, async () => {}, {
    publisher: hub,
    topic: topic('new1', 'hand_shake'),
  });
  assert.deepEqual(got, []);
});

test('(a) an anonymous client with a logged-in device id can neither act as it nor read it', async () => {
  const impostor = await p().anonymous('lock1');
  assert.equal(await publishCode(impostor, topic('lock1', 'action'), 'lock all'), NOT_AUTHORIZED);
  assert.equal(await subackCode(impostor, topic('lock1', 'hand_shake')), NOT_AUTHORIZED);
});

test('as the notes say: joining topics are not tied to the client id', async () => {
  const hub = await p().hub();
  const anyone = await p().anonymous('someone');
  assert.equal(await publishCode(anyone, topic('pend1', 'action'), 'hand_shake pend1'), 0);
  // An approved device that has not logged in yet: its hand_shake carries its secret.
  assert.equal(await subackCode(anyone, topic('fresh1', 'hand_shake')), 1);
  const got = new Promise((resolve) => anyone.once('message', (_t, m) => resolve(String(m))));
  await hub.publishAsync(topic('fresh1', 'hand_shake'), 'approved s', { qos: 1 });
  assert.equal(await got, 'approved s');
});

test('an integration has its rights but never writes hearth/ or reads a hand_shake', async () => {
  const hub = await p().hub();
  await hub.subscribeAsync('#', { qos: 1 });
  const zigbee = await p().connect(ZIGBEE);
  assert.equal(await subackCode(zigbee, '#'), 1);
  const toHub = await receivedUntil(
    hub,
    async () => {
      assert.equal(await publishCode(zigbee, 'zigbee2mqtt/bridge/state', 'online'), 0);
      for (const t of [topic('lock1', 'state'), 'hearth/action', 'hearth']) {
        assert.equal(await publishCode(zigbee, t), NOT_AUTHORIZED, t);
      }
    },
    { publisher: hub, topic: 'hearth/control' },
  );
  assert.deepEqual(toHub, ['zigbee2mqtt/bridge/state online']);
  const toZigbee = await receivedUntil(
    zigbee,
    async () => {
      // Granted under its '#' right, yet '#' never matches $ topics: the retained
      // $SYS/broker/version (delivered at once to a reader allowed $SYS) does not come.
      assert.equal(await subackCode(zigbee, '$SYS/#'), 1);
      await hub.publishAsync(topic('fresh1', 'hand_shake'), 'approved secret', { qos: 1 });
      await hub.publishAsync(topic('lock1', 'set'), 'UNLOCK', { qos: 1 });
    },
    { publisher: hub, topic: 'hearth/events/x' },
  );
  assert.deepEqual(toZigbee, [`${topic('lock1', 'set')} UNLOCK`]);
});
