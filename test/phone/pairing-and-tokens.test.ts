// The phone's way in (issue 7): pairing codes, per-phone tokens, revocation, lockouts.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { PairingCodes, PAIRING_CODE_MS } from '../../src-main/hub/auth/pairing.js';
import { CURRENT_STATE_VERSION } from '../../src-main/hub/store/state-schema.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { connackCode, connectToken } from '../helpers/mqtt.js';
import { api, delay } from '../helpers/devices.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

async function pairPhone(name = 'Anna’s phone'): Promise<{ token: string; id: string }> {
  const code = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes');
  assert.equal(code.status, 200);
  assert.match(code.body.code, /^[A-Z2-9]{10}$/);
  assert.match(
    code.body.pairingUri,
    new RegExp(`^hearth://pair\\?code=${code.body.code}&hosts=127\\.0\\.0\\.1&port=\\d+$`),
  );
  const paired = await checkedFetch(`${hub.httpUrl}/api/v1/pair`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code: code.body.code, name }),
  });
  assert.equal(paired.status, 200);
  return (await paired.json()) as { token: string; id: string };
}

describe('pairing', () => {
  test('a code is traded once for a control token; the token list never shows values', async () => {
    const phone = await pairPhone();
    assert.match(phone.token, /^[A-Za-z0-9_-]{43}$/);
    const status = await api(hub.httpUrl, phone.token, 'GET', '/api/v1/status');
    assert.equal(status.status, 200, 'a control token can read');
    const admin = await api(hub.httpUrl, phone.token, 'GET', '/api/v1/settings');
    assert.equal(admin.status, 403, 'but not use admin routes');
    assert.equal(admin.body.error.code, 'forbidden');
    const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/tokens');
    const mine = listed.body.tokens.find((t: { id: string }) => t.id === phone.id);
    assert.equal(mine.scope, 'control');
    assert.equal(mine.name, 'Anna’s phone');
    assert.ok(!JSON.stringify(listed.body).includes(phone.token));
  });

  test('a used, mistyped or empty code is refused with 401 and makes no token', async () => {
    const code = (await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes')).body
      .code as string;
    const pair = (body: unknown) =>
      checkedFetch(`${hub.httpUrl}/api/v1/pair`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: typeof body === 'string' ? body : JSON.stringify(body),
      });
    assert.equal((await pair({ code, name: 'first' })).status, 200);
    const reused = await pair({ code, name: 'second' });
    assert.equal(reused.status, 401);
    assert.equal(
      ((await reused.json()) as { error: { code: string } }).error.code,
      'invalid_pairing_code',
    );
    assert.equal((await pair({ code: 'WRONGWRONG', name: 'x' })).status, 401);
    assert.equal((await pair({ code: '', name: 'x' })).status, 400);
    // A prototype-pollution attempt is just an unknown key; the code is still checked.
    assert.equal((await pair('{"__proto__":{"admin":true},"code":"X","name":"x"}')).status, 401);
    assert.equal(({} as { admin?: boolean }).admin, undefined, 'Object.prototype untouched');
    const tokens = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/tokens')).body
      .tokens as unknown[];
    assert.equal(tokens.length, 2, 'the admin token and the one phone');
  });

  test('a code expires after two minutes', () => {
    const codes = new PairingCodes();
    const { code } = codes.create(1_000);
    assert.equal(codes.redeem(code, 1_000 + PAIRING_CODE_MS + 1), false);
    const fresh = codes.create(5_000);
    assert.equal(
      codes.redeem(fresh.code.toLowerCase(), 5_000 + PAIRING_CODE_MS - 1),
      true,
      'case does not matter',
    );
  });
});

describe('revoking a token', () => {
  test('closes its event stream and MQTT session at once and refuses it from then on', async () => {
    const phone = await pairPhone();
    const stream = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
      headers: { authorization: `Bearer ${phone.token}` },
    });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    await reader.read();
    const mqttClient = await connectToken(hub.mqttUrl, phone.token);
    const mqttClosed = new Promise<void>((resolve) =>
      mqttClient.stream.once('close', () => resolve()),
    );
    const revoked = await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/tokens/${phone.id}`);
    assert.equal(revoked.status, 200);
    for (;;) {
      const { done } = await reader.read();
      if (done) break;
    }
    await mqttClosed;
    mqttClient.end(true);
    assert.equal((await api(hub.httpUrl, phone.token, 'GET', '/api/v1/status')).status, 401);
    assert.equal(await connackCode(hub.mqttUrl, { username: 'token', password: phone.token }), 4);
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/tokens/${phone.id}`)).status,
      404,
    );
  });
});

describe('failed logins', () => {
  test('50 wrong tokens from one address: locked out with 429, the owner still gets in, the lockout can be cleared', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 50; i++) {
      statuses.push((await api(hub.httpUrl, `wrong-token-${i}`, 'GET', '/api/v1/status')).status);
    }
    assert.deepEqual(statuses.slice(0, 9), Array(9).fill(401));
    assert.ok(statuses.slice(10).every((status) => status === 429));
    const locked = await checkedFetch(`${hub.httpUrl}/api/v1/status`, {
      headers: { authorization: 'Bearer nope' },
    });
    assert.equal(locked.status, 429);
    assert.ok(Number(locked.headers.get('retry-after')) > 0);
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status')).status,
      200,
      'a valid token is never locked out',
    );
    const lockouts = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/lockouts')).body
      .lockouts as Array<{ key: string; lockedUntil: string | null }>;
    const mine = lockouts.find((entry) => entry.key === 'address:127.0.0.1');
    assert.ok(mine?.lockedUntil);
    const cleared = await api(
      hub.httpUrl,
      hub.token,
      'DELETE',
      `/api/v1/lockouts/${encodeURIComponent('address:127.0.0.1')}`,
    );
    assert.equal(cleared.status, 200);
    assert.equal((await api(hub.httpUrl, 'still-wrong', 'GET', '/api/v1/status')).status, 401);
  });
});

describe('failed MQTT logins', () => {
  test('wrong MQTT passwords count in the same lockouts as HTTP; a valid token still connects', async () => {
    const from = '127.0.0.7';
    const wrongLogin = (i: number) =>
      connackCode(hub.mqttUrl, {
        clientId: `guesser-${i}`,
        username: 'token',
        password: `wrong-${i}`,
        localAddress: from,
      });
    const codes: Array<number | null> = [];
    for (let i = 0; i < 12; i++) codes.push(await wrongLogin(i));
    assert.ok(
      codes.every((code) => code === 4),
      `every wrong login is refused as bad credentials: ${codes.join(',')}`,
    );
    const lockouts = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/lockouts')).body
      .lockouts as Array<{ key: string; failures: number; lockedUntil: string | null }>;
    const mine = lockouts.find((entry) => entry.key === `address:${from}`);
    assert.ok(mine?.lockedUntil, `the address is locked out: ${JSON.stringify(lockouts)}`);

    // Locked out: a further wrong guess waits for its refusal; the right token does not.
    const slowStart = Date.now();
    assert.equal(await wrongLogin(99), 4);
    assert.ok(Date.now() - slowStart >= 900, 'a locked-out guess is held back');
    const owner = await connackCode(hub.mqttUrl, {
      clientId: 'owner-script',
      username: 'token',
      password: hub.token,
      localAddress: from,
    });
    assert.equal(owner, null, 'a valid token is never locked out');
    const http = await checkedFetch(`${hub.httpUrl}/api/v1/status`, {
      headers: { authorization: 'Bearer wrong-over-http' },
    });
    assert.equal(http.status, 401, 'HTTP from another address is not affected');

    const cleared = await api(
      hub.httpUrl,
      hub.token,
      'DELETE',
      `/api/v1/lockouts/${encodeURIComponent(`address:${from}`)}`,
    );
    assert.equal(cleared.status, 200);
    const quickStart = Date.now();
    assert.equal(await wrongLogin(100), 4);
    assert.ok(Date.now() - quickStart < 900, 'cleared: refused at once again');
  });

  test('a wrong device secret counts too; a joining device without credentials does not', async () => {
    const from = '127.0.0.8';
    for (let i = 0; i < 3; i++) {
      assert.equal(
        await connackCode(hub.mqttUrl, {
          clientId: 'door9',
          username: 'door9',
          password: 'not-the-secret',
          localAddress: from,
        }),
        4,
      );
    }
    assert.equal(
      await connackCode(hub.mqttUrl, { clientId: 'new-lock', localAddress: from }),
      null,
      'an anonymous device may still join (hand_shake)',
    );
    const lockouts = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/lockouts')).body
      .lockouts as Array<{ key: string; failures: number }>;
    assert.equal(lockouts.find((entry) => entry.key === `address:${from}`)?.failures, 3);
  });
});

describe('the state as one document', () => {
  test('export, change, import: replaced as a whole, the old state kept beside it', async () => {
    const exported = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export');
    assert.equal(exported.status, 200);
    assert.equal(exported.body.version, CURRENT_STATE_VERSION);
    const changed = { ...exported.body, name: 'Holiday cottage' };
    const imported = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/state/import', {
      state: changed,
    });
    assert.equal(imported.status, 200, JSON.stringify(imported.body));
    assert.match(imported.body.keptAs, /^state\.json\.before-import-/);
    assert.equal(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body.name,
      'Holiday cottage',
    );
  });

  test('an invalid or newer document changes nothing', async () => {
    const before = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body;
    for (const state of [
      { version: 2, name: '' },
      { ...before, version: 9 },
      { ...before, settings: { broker: { maxConnections: -5 } } },
    ]) {
      const response = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/state/import', { state });
      assert.equal(response.status, 400);
      assert.equal(response.body.error.code, 'invalid_input');
    }
    await delay(10);
    assert.deepEqual(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body,
      before,
    );
  });
});
