// Who may connect as a device (contract 2.3): ids, secrets, no takeover of a connected id.
// The real rules on a real broker; each refusal leaves the real device connected and served.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { within } from '../broker/raw-mqtt.js';
import { ADMIN_TOKEN, startAccessFixture, stillServed } from './access-fixture.js';

const SECRET_A = 'secret-of-lock-a-0123456789abcdef';
const SECRET_B = 'secret-of-lock-b-0123456789abcdef';

test('a device id that is empty, over 64 characters, or holds + # / NUL gets CONNACK 0x02', async () => {
  const fixture = await startAccessFixture();
  try {
    const { raw: bystander } = await fixture.connect({ clientId: 'lock-ok' });
    for (const clientId of ['', 'x'.repeat(65), 'a+b', 'a#b', 'a/b', 'a\u0000b', 'läs', 'a b']) {
      const { raw, code } = await fixture.connect({ clientId });
      assert.equal(code, 2, `client id ${JSON.stringify(clientId)}`);
      await within(raw.closed, 5000, 'close after refusal');
    }
    // 64 is fine; and token clients may use any id MQTT allows.
    assert.equal((await fixture.connect({ clientId: 'x'.repeat(64) })).code, 0);
    const token = { username: 'token', password: Buffer.from(ADMIN_TOKEN) };
    assert.equal((await fixture.connect({ clientId: 'a/b#c+d', ...token })).code, 0);
    assert.ok(await stillServed(bystander));
    assert.equal(fixture.directory.logins.length, 0);
  } finally {
    await fixture.close();
  }
});

test('wrong secret, another device secret, or not approved: CONNACK 0x04; the real device stays', async () => {
  const fixture = await startAccessFixture();
  try {
    fixture.directory.approve('lock-a', SECRET_A);
    fixture.directory.approve('lock-b', SECRET_B);
    fixture.directory.devices.set('lock-p', {
      status: 'pending',
      secretHash: null,
      secretUsed: false,
      bridged: false,
    });
    const { raw: real, code } = await fixture.connect({
      clientId: 'lock-a',
      username: 'lock-a',
      password: Buffer.from(SECRET_A),
    });
    assert.equal(code, 0);
    assert.deepEqual(fixture.directory.logins, ['lock-a with secret']);
    const attempts = [
      { clientId: 'lock-a', username: 'lock-a', password: Buffer.from('guess') },
      { clientId: 'lock-a', username: 'lock-a', password: Buffer.from(SECRET_B) },
      { clientId: 'lock-a', username: 'lock-a' },
      { clientId: 'lock-a', username: 'lock-b', password: Buffer.from(SECRET_B) },
      { clientId: 'lock-p', username: 'lock-p', password: Buffer.from('anything') },
      { clientId: 'ghost', username: 'ghost', password: Buffer.from(SECRET_A) },
      { clientId: 'lock-a', username: 'token', password: Buffer.from(SECRET_A) },
      { clientId: 'lock-a', username: 'integration:lock-a', password: Buffer.from(SECRET_A) },
    ];
    for (const attempt of attempts) {
      const { raw, code: refused } = await fixture.connect(attempt);
      // A token or integration login may not take a registered device's client id: 0x02.
      const takesDeviceId =
        attempt.username === 'token' || attempt.username?.startsWith('integration:');
      assert.equal(
        refused,
        takesDeviceId ? 2 : 4,
        JSON.stringify({ ...attempt, password: attempt.password?.toString() }),
      );
      await within(raw.closed, 5000, 'close after refusal');
    }
    assert.ok(await stillServed(real), 'the real lock-a was not kicked off');
    assert.equal(fixture.broker.isConnected('lock-a'), true);
    assert.deepEqual(fixture.directory.logins, ['lock-a with secret'], 'no login was counted');
  } finally {
    await fixture.close();
  }
});

test('an anonymous connection never takes over a connected id, joining or approved (0x05)', async () => {
  const fixture = await startAccessFixture();
  try {
    const { raw: joining } = await fixture.connect({ clientId: 'new-lock' });
    const second = await fixture.connect({ clientId: 'new-lock' });
    assert.equal(second.code, 5);
    await within(second.raw.closed, 5000, 'close after refusal');
    assert.ok(await stillServed(joining), 'the pending device is still connected');

    fixture.directory.approve('lock-a', SECRET_A);
    const { raw: approved } = await fixture.connect({
      clientId: 'lock-a',
      username: 'lock-a',
      password: Buffer.from(SECRET_A),
    });
    fixture.directory.allowWithoutSecret = true; // even then, no takeover
    const takeover = await fixture.connect({ clientId: 'lock-a' });
    assert.equal(takeover.code, 5);
    assert.ok(await stillServed(approved));
  } finally {
    await fixture.close();
  }
});

test('an approved device that has used its secret must use it (0x05); the old-device setting lets it in', async () => {
  const fixture = await startAccessFixture();
  try {
    fixture.directory.approve('lock-a', SECRET_A, true);
    fixture.directory.approve('lock-c', SECRET_B, false);
    const refused = await fixture.connect({ clientId: 'lock-a' });
    assert.equal(refused.code, 5);
    await within(refused.raw.closed, 5000, 'close after refusal');
    // Approved but never logged in with its secret: it joins again to fetch it.
    const fetching = await fixture.connect({ clientId: 'lock-c' });
    assert.equal(fetching.code, 0);
    fetching.raw.destroy();
    assert.deepEqual(fixture.directory.logins, []);

    fixture.directory.allowWithoutSecret = true;
    const old = await fixture.connect({ clientId: 'lock-a' });
    assert.equal(old.code, 0);
    assert.deepEqual(fixture.directory.logins, ['lock-a without secret']);
  } finally {
    await fixture.close();
  }
});

test('a username that is not the client id, token or integration:<id> gets 0x04', async () => {
  const fixture = await startAccessFixture();
  try {
    fixture.directory.approve('lock-a', SECRET_A);
    const { raw, code } = await fixture.connect({
      clientId: 'lock-x',
      username: 'lock-a',
      password: Buffer.from(SECRET_A),
    });
    assert.equal(code, 4);
    await within(raw.closed, 5000, 'close after refusal');
  } finally {
    await fixture.close();
  }
});

test('refusals are kept in the activity history, once per reason and address', async () => {
  const fixture = await startAccessFixture();
  try {
    fixture.directory.approve('lock-a', SECRET_A);
    for (let i = 0; i < 30; i++) {
      const { raw, code } = await fixture.connect({
        clientId: 'lock-a',
        username: 'lock-a',
        password: Buffer.from(`guess-${i}`),
      });
      assert.equal(code, 4);
      raw.destroy();
    }
    const entries = fixture.activity.query(100).filter((entry) => entry.kind === 'mqtt_refused');
    assert.equal(entries.length, 1, 'a flood of the same refusal is one entry');
    assert.equal(entries[0]?.address, '127.0.0.1');
    assert.match(entries[0]?.message ?? '', /CONNACK 4/);
    assert.equal(entries[0]?.data?.['clientId'], 'lock-a');
    assert.equal(
      fixture.logs.filter((line) => line.includes('MQTT connection refused')).length,
      1,
      'and one log line',
    );
  } finally {
    await fixture.close();
  }
});
