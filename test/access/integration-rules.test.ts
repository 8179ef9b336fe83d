// Integration accounts (contract 2.3.5): made with exactly the rights they need, logged in as
// `integration:<id>`, never writing hearth/ or $, closed at once when removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { ApiError } from '../../src-main/hub/api/error-catalogue.js';
import { within } from '../broker/raw-mqtt.js';
import {
  publishAcked,
  publishRaw,
  startAccessFixture,
  stillServed,
  subscribeRaw,
} from './access-fixture.js';

test('an account: password once (256 bits), hash only kept, listed without secrets', async () => {
  const fixture = await startAccessFixture();
  try {
    const created = fixture.integrations.create({
      name: ' Zigbee2MQTT bridge ',
      rights: [{ filter: 'zigbee2mqtt/#', publish: true, subscribe: true }],
    });
    assert.match(created.id, /^zigbee2mqtt-bridge-[0-9a-f]{6}$/);
    assert.equal(created.username, `integration:${created.id}`);
    assert.equal(created.name, 'Zigbee2MQTT bridge');
    assert.ok(Buffer.from(created.password, 'base64url').length >= 16, 'at least 128 random bits');
    const listed = fixture.integrations.list();
    assert.equal(listed.length, 1);
    assert.ok(!JSON.stringify(listed).includes(created.password));
    assert.ok(!('password' in listed[0]!) && !('secretHash' in listed[0]!));
  } finally {
    await fixture.close();
  }
});

test('bad rights are refused when the account is made, and nothing is stored', async () => {
  const fixture = await startAccessFixture();
  try {
    const bad = [
      [{ filter: 'hearth/devices/+/set', publish: true }],
      [{ filter: 'hearth/#', publish: true, subscribe: false }],
      [{ filter: '$SYS/#', subscribe: true }],
      [{ filter: 'a/#/b' }],
      [{ filter: 'a+/b' }],
      [{ filter: 'a\u0000b' }],
      [{ filter: 'x', publish: false, subscribe: false }],
      [],
      Array.from({ length: 65 }, (_, i) => ({ filter: `t/${i}` })),
    ];
    for (const rights of bad) {
      assert.throws(
        () => fixture.integrations.create({ name: 'bridge', rights }),
        (error) => error instanceof ApiError && error.code === 'invalid_input',
        JSON.stringify(rights).slice(0, 80),
      );
    }
    assert.throws(
      () => fixture.integrations.create({ name: '  ', rights: [{ filter: 'a' }] }),
      ApiError,
    );
    assert.deepEqual(fixture.integrations.list(), []);
  } finally {
    await fixture.close();
  }
});

test('an integration logs in with its password and stays within its rights', async () => {
  const fixture = await startAccessFixture();
  try {
    const account = fixture.integrations.create({
      name: 'frigate',
      rights: [
        { filter: 'frigate/#', publish: true, subscribe: true },
        { filter: 'hearth/devices/+/state', publish: false, subscribe: true },
        { filter: '#', publish: true, subscribe: false },
      ],
    });
    const login = {
      clientId: 'frigate-1',
      username: account.username,
      password: Buffer.from(account.password),
    };
    for (const password of ['wrong', '']) {
      const refused = await fixture.connect({ ...login, password: Buffer.from(password) });
      assert.equal(refused.code, 4);
    }
    const unknown = await fixture.connect({ ...login, username: 'integration:nobody' });
    assert.equal(unknown.code, 4);
    const proto = await fixture.connect({ ...login, username: 'integration:__proto__' });
    assert.equal(proto.code, 4);

    const { raw, code } = await fixture.connect(login);
    assert.equal(code, 0);
    assert.deepEqual(
      await subscribeRaw(
        raw,
        'frigate/events',
        'frigate/+/snapshot',
        'hearth/devices/+/state',
        'hearth/devices/x/state',
      ),
      [1, 1, 1, 1],
    );
    assert.deepEqual(
      await subscribeRaw(
        raw,
        '#',
        'hearth/devices/+/set',
        'hearth/devices/+/hand_shake',
        '$SYS/#',
        'other/x',
      ),
      [128, 128, 128, 128, 128],
    );
    await publishAcked(raw, 'frigate/events', '{}');
    await publishAcked(raw, 'zigbee2mqtt/bridge/state', 'online'); // through its `#` publish right
    assert.ok(await stillServed(raw));
    for (const topic of ['hearth/action', 'hearth/devices/lock-a/set', 'hearth', '$SYS/x']) {
      const { raw: again } = await fixture.connect({
        ...login,
        clientId: `frigate-${topic.length}`,
      });
      publishRaw(again, topic, 'unlock');
      await within(again.closed, 5000, `close after publishing on ${topic}`);
    }
    assert.ok(await stillServed(raw));
  } finally {
    await fixture.close();
  }
});

test('removing an account closes its connections at once and its password stops working', async () => {
  const fixture = await startAccessFixture();
  try {
    const keep = fixture.integrations.create({ name: 'keep', rights: [{ filter: 'keep/#' }] });
    const gone = fixture.integrations.create({ name: 'gone', rights: [{ filter: 'gone/#' }] });
    const kept = await fixture.connect({
      clientId: 'k',
      username: keep.username,
      password: Buffer.from(keep.password),
    });
    const first = await fixture.connect({
      clientId: 'g1',
      username: gone.username,
      password: Buffer.from(gone.password),
    });
    const second = await fixture.connect({
      clientId: 'g2',
      username: gone.username,
      password: Buffer.from(gone.password),
    });
    assert.deepEqual([kept.code, first.code, second.code], [0, 0, 0]);

    assert.equal(fixture.integrations.remove(gone.id), true);
    await within(
      Promise.all([first.raw.closed, second.raw.closed]),
      5000,
      'both connections closed',
    );
    assert.equal(fixture.integrations.remove(gone.id), false);
    const again = await fixture.connect({
      clientId: 'g3',
      username: gone.username,
      password: Buffer.from(gone.password),
    });
    assert.equal(again.code, 4);
    assert.ok(await stillServed(kept.raw));
    assert.deepEqual(
      fixture.integrations.list().map((account) => account.id),
      [keep.id],
    );
  } finally {
    await fixture.close();
  }
});
