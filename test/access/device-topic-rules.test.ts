// What devices may publish and subscribe to (contract 2.3.1, 2.3.4), their wills, the retained
// cap, and secrets reaching only their device. Real rules, real broker, raw MQTT packets.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { InboundMessage } from '../../src-main/hub/broker/bus.js';
import { within } from '../broker/raw-mqtt.js';
import {
  ADMIN_TOKEN,
  packetsBeforePong,
  publishAcked,
  publishRaw,
  startAccessFixture,
  stillServed,
  subscribeRaw,
} from './access-fixture.js';
import type { AccessFixture } from './access-fixture.js';

const SECRET_A = 'secret-of-lock-a-0123456789abcdef';
const SECRET_B = 'secret-of-lock-b-0123456789abcdef';

async function approvedA(fixture: AccessFixture, extra: object = {}) {
  fixture.directory.approve('lock-a', SECRET_A);
  const { raw, code } = await fixture.connect({
    clientId: 'lock-a',
    username: 'lock-a',
    password: Buffer.from(SECRET_A),
    ...extra,
  });
  assert.equal(code, 0);
  return raw;
}

async function adminWatching(fixture: AccessFixture, filter: string) {
  const { raw, code } = await fixture.connect({
    clientId: 'panel',
    username: 'token',
    password: Buffer.from(ADMIN_TOKEN),
  });
  assert.equal(code, 0);
  assert.deepEqual(await subscribeRaw(raw, filter), [1]);
  return raw;
}

test('a joining device may only hand_shake, on hearth/action or its own action topic', async () => {
  const fixture = await startAccessFixture();
  try {
    const heard: string[] = [];
    fixture.broker.subscribe('hearth/#', (message: InboundMessage) =>
      heard.push(`${message.topic} ${message.payload.toString()}`),
    );
    const { raw } = await fixture.connect({ clientId: 'new-lock' });
    await publishAcked(raw, 'hearth/action', 'hand_shake new-lock lock Front door');
    await publishAcked(raw, 'hearth/devices/new-lock/action', '  HAND_SHAKE new-lock');
    assert.deepEqual(await subscribeRaw(raw, 'hearth/devices/new-lock/hand_shake'), [1]);
    assert.deepEqual(
      await subscribeRaw(
        raw,
        'hearth/devices/new-lock/set',
        'hearth/devices/new-lock/reply/#',
        '#',
      ),
      [128, 128, 128],
    );
    assert.ok(await stillServed(raw), 'refused subscriptions keep the connection');

    const refused: Array<[string, string, boolean]> = [
      ['hearth/action', 'lock all', false],
      ['hearth/action', 'hand_shakes', false],
      ['hearth/action', 'hand_shake new-lock', true], // retained
      ['hearth/devices/new-lock/state', 'LOCKED', false],
      ['hearth/devices/other/action', 'hand_shake other', false],
      ['anything', 'hand_shake new-lock', false],
    ];
    for (const [topic, payload, retain] of refused) {
      const { raw: again } = await fixture.connect({ clientId: 'new-lock-2' });
      publishRaw(again, topic, payload, retain);
      await within(again.closed, 5000, `close after publishing ${payload} on ${topic}`);
    }
    assert.deepEqual(heard, [
      'hearth/action hand_shake new-lock lock Front door',
      'hearth/devices/new-lock/action   HAND_SHAKE new-lock',
    ]);
    assert.ok(await stillServed(raw));
  } finally {
    await fixture.close();
  }
});

test('device A cannot publish to B/set or its own set; it is closed, the rest goes on', async () => {
  const fixture = await startAccessFixture();
  try {
    const watcher = await adminWatching(fixture, 'hearth/devices/+/set');
    fixture.directory.approve('lock-b', SECRET_B);
    const { raw: lockB } = await fixture.connect({
      clientId: 'lock-b',
      username: 'lock-b',
      password: Buffer.from(SECRET_B),
    });
    assert.deepEqual(await subscribeRaw(lockB, 'hearth/devices/lock-b/set'), [1]);
    for (const topic of ['hearth/devices/lock-b/set', 'hearth/devices/lock-a/set']) {
      const lockA = await approvedA(fixture);
      publishRaw(lockA, topic, 'UNLOCK');
      await within(lockA.closed, 5000, `close after publishing on ${topic}`);
    }
    // Neither forged command reached anyone; both are still connected and served.
    assert.deepEqual(await packetsBeforePong(lockB), []);
    assert.deepEqual(await packetsBeforePong(watcher), []);
  } finally {
    await fixture.close();
  }
});

test('an approved device publishes only its state, availability, stranger, action and hearth/action', async () => {
  const fixture = await startAccessFixture();
  try {
    const heard: string[] = [];
    fixture.broker.subscribe('hearth/#', (message) => heard.push(message.topic));
    const lockA = await approvedA(fixture);
    await publishAcked(lockA, 'hearth/devices/lock-a/state', 'LOCKED', true);
    await publishAcked(lockA, 'hearth/devices/lock-a/availability', 'online', true);
    await publishAcked(lockA, 'hearth/devices/lock-a/stranger', 'jpeg bytes');
    await publishAcked(lockA, 'hearth/devices/lock-a/action', 'ping');
    await publishAcked(lockA, 'hearth/action', 'ping');
    assert.equal(heard.length, 5);
    for (const topic of [
      'hearth/devices',
      'hearth/events/lock_state',
      'hearth/devices/lock-a',
      'lock-a/state',
      'hand_shake',
    ]) {
      const again = await approvedA(fixture);
      publishRaw(again, topic, 'x');
      await within(again.closed, 5000, `close after publishing on ${topic}`);
    }
    assert.equal(heard.length, 5);
  } finally {
    await fixture.close();
  }
});

test('device subscriptions beyond its own set, hand_shake and reply/ get SUBACK 0x80', async () => {
  const fixture = await startAccessFixture();
  try {
    const lockA = await approvedA(fixture);
    assert.deepEqual(
      await subscribeRaw(
        lockA,
        'hearth/devices/lock-a/set',
        'hearth/devices/lock-a/hand_shake',
        'hearth/devices/lock-a/reply/#',
        'hearth/devices/lock-a/reply/ping',
      ),
      [1, 1, 1, 1],
    );
    assert.deepEqual(
      await subscribeRaw(
        lockA,
        'hearth/devices/lock-b/#',
        '#',
        '+/+/set',
        '$SYS/#',
        'hearth/devices/+/set',
        'hearth/devices/lock-a/#',
        'hearth/devices/lock-a/+',
        'hearth/devices/lock-a/reply',
        'hearth/#',
      ),
      [128, 128, 128, 128, 128, 128, 128, 128, 128],
    );
    assert.ok(await stillServed(lockA));
    assert.equal(fixture.broker.isConnected('lock-a'), true);
  } finally {
    await fixture.close();
  }
});

test('the retained cap: a device retains on its state and availability only, never hundreds of topics', async () => {
  const fixture = await startAccessFixture();
  try {
    const lockA = await approvedA(fixture);
    await publishAcked(lockA, 'hearth/devices/lock-a/state', 'LOCKED', true);
    await publishAcked(lockA, 'hearth/devices/lock-a/availability', 'online', true);
    // Then hundreds of retained topics in one burst: the first is refused and closes it.
    const flood = await approvedA(fixture);
    for (let i = 0; i < 300; i++) {
      const topic = i % 2 === 0 ? `hearth/devices/lock-a/x${i}` : 'hearth/devices/lock-a/stranger';
      publishRaw(flood, topic, `retained ${i}`, true);
    }
    await within(flood.closed, 5000, 'close after the retained flood');
    // A new subscriber to everything of lock-a finds exactly the two allowed retained messages.
    const watcher = await adminWatching(fixture, 'hearth/devices/lock-a/#');
    const retained: string[] = [];
    for (;;) {
      const packet = await watcher.nextPacket(300).catch(() => null);
      if (!packet) break;
      if (packet.cmd === 'publish') retained.push(packet.topic);
    }
    assert.deepEqual(retained.sort(), [
      'hearth/devices/lock-a/availability',
      'hearth/devices/lock-a/state',
    ]);
  } finally {
    await fixture.close();
  }
});

test("a will at another device's topic gets CONNACK 0x05; its own availability is fine", async () => {
  const fixture = await startAccessFixture();
  try {
    fixture.directory.approve('lock-a', SECRET_A);
    const login = { clientId: 'lock-a', username: 'lock-a', password: Buffer.from(SECRET_A) };
    const bad = [
      'hearth/devices/lock-b/availability',
      'hearth/devices/lock-b/set',
      'hearth/devices/lock-a/set',
      'hearth/devices',
    ];
    for (const topic of bad) {
      const { raw, code } = await fixture.connect({
        ...login,
        will: { topic, payload: Buffer.from('offline'), qos: 1, retain: true },
      });
      assert.equal(code, 5, topic);
      await within(raw.closed, 5000, 'close after refusal');
    }
    assert.deepEqual(fixture.directory.logins, [], 'no refused CONNECT counted as a login');
    const joiningBad = await fixture.connect({
      clientId: 'new-lock',
      will: {
        topic: 'hearth/devices/lock-a/availability',
        payload: Buffer.from('offline'),
        qos: 0,
        retain: true,
      },
    });
    assert.equal(joiningBad.code, 5);

    const heard: string[] = [];
    fixture.broker.subscribe('hearth/devices/+/availability', (message) =>
      heard.push(`${message.clientId} ${message.payload.toString()}`),
    );
    const { raw: good, code } = await fixture.connect({
      ...login,
      will: {
        topic: 'hearth/devices/lock-a/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    assert.equal(code, 0);
    // A joining device may name its own availability; the will is kept back while it joins.
    const { raw: joining, code: joiningCode } = await fixture.connect({
      clientId: 'new-lock',
      will: {
        topic: 'hearth/devices/new-lock/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    assert.equal(joiningCode, 0);
    joining.destroy();
    good.destroy();
    const watcher = await adminWatching(fixture, 'nothing/here');
    await within(
      (async () => {
        while (heard.length < 1) await new Promise((resolve) => setTimeout(resolve, 10));
      })(),
      5000,
      'the approved device will',
    );
    assert.ok(await stillServed(watcher));
    assert.deepEqual(heard, ['lock-a offline']);
  } finally {
    await fixture.close();
  }
});

test("a device's secret on its hand_shake topic reaches that device only, not a token's wildcard", async () => {
  const fixture = await startAccessFixture();
  try {
    const watcher = await adminWatching(fixture, '#');
    const { raw: device } = await fixture.connect({ clientId: 'new-lock' });
    assert.deepEqual(await subscribeRaw(device, 'hearth/devices/new-lock/hand_shake'), [1]);
    await fixture.broker.publish('hearth/devices/new-lock/hand_shake', 'approved s3cret', {
      qos: 1,
    });
    await fixture.broker.publish('hand_shake', 'new-lock approved', { qos: 1 });
    const got = await device.nextPacket();
    assert.equal(got.cmd, 'publish');
    assert.equal(got.cmd === 'publish' ? got.payload.toString() : '', 'approved s3cret');
    const seen: string[] = [];
    for (;;) {
      const packet = await watcher.nextPacket(300).catch(() => null);
      if (!packet) break;
      if (packet.cmd === 'publish') seen.push(`${packet.topic} ${packet.payload.toString()}`);
    }
    assert.deepEqual(seen, ['hand_shake new-lock approved']);
  } finally {
    await fixture.close();
  }
});
