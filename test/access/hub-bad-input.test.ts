// Issue 3's bad input about MQTT access, against the real hub: each is refused with the
// MQTT-correct code, kept in the activity history, and changes nothing in the registry
// (GET /api/v1/devices); the real devices stay connected and served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { within } from '../broker/raw-mqtt.js';
import {
  packetsBeforePong,
  publishAcked,
  publishRaw,
  stillServed,
  subscribeRaw,
} from './access-fixture.js';
import { HubFixture } from './hub-fixture.js';

test('bad device ids get CONNACK 0x02; token clients may use any MQTT id', async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    await fixture.until('lock-a', 'online');
    const before = await fixture.devices();
    for (const clientId of ['', 'x'.repeat(65), 'a+b', 'a#b', 'a/b', 'a\u0000b']) {
      const { raw, code } = await fixture.connect({ clientId });
      assert.equal(code, 2, JSON.stringify(clientId));
      await within(raw.closed, 5000, 'close after refusal');
    }
    assert.ok(await stillServed(await fixture.token('odd/id#+')));
    assert.deepEqual(await fixture.devices(), before);
    assert.ok(await stillServed(lockA.raw));
    assert.ok((await fixture.refusals()).some((entry) => /CONNACK 2/.test(entry.message)));
  } finally {
    await fixture.close();
  }
});

test("an approved id without its secret, with a wrong one, or with another device's: refused, the device stays", async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    const lockB = await fixture.joinApproved('lock-b');
    await fixture.until('lock-a', 'online');
    await fixture.until('lock-b', 'online');
    const before = await fixture.devices();
    const attempts: Array<[object, number]> = [
      [{ clientId: 'lock-a' }, 5],
      [{ clientId: 'lock-a', username: 'lock-a', password: Buffer.from('guess') }, 4],
      [{ clientId: 'lock-a', username: 'lock-a', password: Buffer.from(lockB.secret) }, 4],
      [{ clientId: 'lock-a', username: 'lock-b', password: Buffer.from(lockB.secret) }, 4],
    ];
    for (const [fields, expected] of attempts) {
      const { raw, code } = await fixture.connect(fields);
      assert.equal(code, expected, JSON.stringify(fields));
      await within(raw.closed, 5000, 'close after refusal');
    }
    assert.ok(await stillServed(lockA.raw), 'the real lock-a was not kicked off');
    assert.ok(await stillServed(lockB.raw));
    assert.deepEqual(await fixture.devices(), before);
    const refusals = await fixture.refusals();
    assert.ok(refusals.some((entry) => /CONNACK 4/.test(entry.message)));
    assert.ok(refusals.some((entry) => /CONNACK 5/.test(entry.message)));
  } finally {
    await fixture.close();
  }
});

test('an anonymous connection cannot take over a connected pending id (0x05)', async () => {
  const fixture = await HubFixture.start();
  try {
    const { raw: pending } = await fixture.connect({ clientId: 'new-lock' });
    await publishAcked(pending, 'hearth/action', 'hand_shake new-lock lock');
    for (let i = 0; i < 100 && (await fixture.devices()).length === 0; i++) {
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    const before = await fixture.devices();
    assert.equal((before[0] as { status: string }).status, 'pending');
    const { raw, code } = await fixture.connect({ clientId: 'new-lock' });
    assert.equal(code, 5);
    await within(raw.closed, 5000, 'close after refusal');
    assert.ok(await stillServed(pending));
    assert.deepEqual(await fixture.devices(), before);
  } finally {
    await fixture.close();
  }
});

test('device A publishing to B/set or its own set is closed; B gets nothing; the registry is untouched', async () => {
  const fixture = await HubFixture.start();
  try {
    const lockB = await fixture.joinApproved('lock-b');
    assert.deepEqual(await subscribeRaw(lockB.raw, 'hearth/devices/lock-b/set'), [1]);
    const lockA = await fixture.joinApproved('lock-a');
    await fixture.until('lock-a', 'online');
    const before = await fixture.devices();
    publishRaw(lockA.raw, 'hearth/devices/lock-b/set', 'UNLOCK');
    await within(lockA.raw.closed, 5000, 'close after publishing on B/set');
    const again = await fixture.connect({
      clientId: 'lock-a',
      username: 'lock-a',
      password: Buffer.from(lockA.secret),
    });
    assert.equal(again.code, 0);
    publishRaw(again.raw, 'hearth/devices/lock-a/set', 'UNLOCK');
    await within(again.raw.closed, 5000, 'close after publishing on its own set');
    await fixture.until('lock-a', 'offline');
    assert.deepEqual(await packetsBeforePong(lockB.raw), [], 'no forged UNLOCK reached lock-b');
    // Only lock-a's own connection state moved (it was disconnected); nothing else did.
    const strip = (devices: unknown[]) =>
      devices.map((device) => {
        const { availability: _a, lastSeen: _l, ...rest } = device as Record<string, unknown>;
        return rest;
      });
    assert.deepEqual(strip(await fixture.devices()), strip(before));
    assert.ok(
      (await fixture.refusals()).some((entry) =>
        entry.message.includes('hearth/devices/lock-b/set'),
      ),
    );
  } finally {
    await fixture.close();
  }
});

test('subscribing to B/#, #, +/+/set or $SYS/# gets SUBACK 0x80; the device stays connected', async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    await fixture.joinApproved('lock-b');
    await fixture.until('lock-b', 'online');
    const before = await fixture.devices();
    assert.deepEqual(
      await subscribeRaw(lockA.raw, 'hearth/devices/lock-b/#', '#', '+/+/set', '$SYS/#'),
      [128, 128, 128, 128],
    );
    assert.deepEqual(await subscribeRaw(lockA.raw, 'hearth/devices/lock-a/set'), [1]);
    assert.ok(await stillServed(lockA.raw));
    assert.deepEqual(await fixture.devices(), before);
    assert.ok((await fixture.refusals()).some((entry) => entry.message.includes('subscription')));
  } finally {
    await fixture.close();
  }
});

test("a will aimed at another device's topic gets CONNACK 0x05", async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    lockA.raw.destroy();
    await fixture.until('lock-a', 'offline');
    const lockB = await fixture.joinApproved('lock-b');
    await fixture.until('lock-b', 'online');
    const before = await fixture.devices();
    const { raw, code } = await fixture.connect({
      clientId: 'lock-a',
      username: 'lock-a',
      password: Buffer.from(lockA.secret),
      will: {
        topic: 'hearth/devices/lock-b/availability',
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    assert.equal(code, 5);
    await within(raw.closed, 5000, 'close after refusal');
    assert.deepEqual(await fixture.devices(), before);
    assert.ok(await stillServed(lockB.raw));
  } finally {
    await fixture.close();
  }
});

test('a device retaining hundreds of topics: refused at the first, at most its 2 retained remain', async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    await publishAcked(lockA.raw, 'hearth/devices/lock-a/state', 'LOCKED', true);
    await publishAcked(lockA.raw, 'hearth/devices/lock-a/availability', 'online', true);
    for (let i = 0; i < 300; i++) publishRaw(lockA.raw, `hearth/devices/lock-a/t${i}`, 'x', true);
    await within(lockA.raw.closed, 5000, 'close after the retained flood');
    const watcher = await fixture.token('watcher');
    assert.deepEqual(await subscribeRaw(watcher, 'hearth/devices/lock-a/#'), [1]);
    const retained: string[] = [];
    for (;;) {
      const packet = await watcher.nextPacket(300).catch(() => null);
      if (!packet) break;
      if (packet.cmd === 'publish' && packet.retain) retained.push(packet.topic);
    }
    assert.ok(retained.length <= 2, retained.join(', '));
    assert.ok(retained.every((topic) => /\/(state|availability)$/.test(topic)));
  } finally {
    await fixture.close();
  }
});

test('integration accounts over the API: rights validated, hearth/ never writable, removal closes', async () => {
  const fixture = await HubFixture.start();
  try {
    const lockA = await fixture.joinApproved('lock-a');
    assert.deepEqual(await subscribeRaw(lockA.raw, 'hearth/devices/lock-a/set'), [1]);
    const refused = await fixture.api('POST', '/api/v1/integrations', {
      name: 'evil',
      rights: [{ filter: 'hearth/devices/+/set', publish: true }],
    });
    assert.equal(refused.status, 400);
    // '%' would be a placeholder in an external broker's exported rules (docs/scale.md).
    const placeholder = await fixture.api('POST', '/api/v1/integrations', {
      name: 'evil',
      rights: [{ filter: 'zigbee2mqtt/%u/#', publish: true, subscribe: true }],
    });
    assert.equal(placeholder.status, 400);
    assert.match(JSON.stringify(placeholder.json), /'%' is not allowed in a topic right/);
    const created = await fixture.api('POST', '/api/v1/integrations', {
      name: 'zigbee2mqtt',
      rights: [
        { filter: 'zigbee2mqtt/#', publish: true, subscribe: true },
        { filter: '#', publish: true, subscribe: false },
      ],
    });
    assert.equal(created.status, 200);
    const { id, username, password } = created.json as Record<string, string>;
    const login = { clientId: 'z2m', username, password: Buffer.from(password!) };
    const before = await fixture.devices();
    const bridge = await fixture.connect(login);
    assert.equal(bridge.code, 0);
    await publishAcked(bridge.raw, 'zigbee2mqtt/bridge/state', 'online');
    assert.deepEqual(
      await subscribeRaw(bridge.raw, '#', 'hearth/devices/+/hand_shake'),
      [128, 128],
    );
    publishRaw(bridge.raw, 'hearth/devices/lock-a/set', 'UNLOCK');
    await within(bridge.raw.closed, 5000, 'close after publishing under hearth/');
    assert.deepEqual(await packetsBeforePong(lockA.raw), [], 'no forged UNLOCK reached lock-a');

    const again = await fixture.connect(login);
    assert.equal(again.code, 0);
    assert.equal((await fixture.api('DELETE', `/api/v1/integrations/${id}`)).status, 200);
    await within(again.raw.closed, 5000, 'connection closed on removal');
    assert.equal((await fixture.connect(login)).code, 4);
    assert.deepEqual(await fixture.devices(), before);
    assert.ok(await stillServed(lockA.raw));
  } finally {
    await fixture.close();
  }
});
