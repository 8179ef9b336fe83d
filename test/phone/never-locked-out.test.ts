// The owner is never locked out over the network (issue 19): requests and logins that carry no
// credentials at all count towards no lockout (only wrong ones do), and a state import can
// neither install an empty or partial state nor leave the person making it without a way in.
// Each case ends with the owner's token working and nothing lost.
import assert from 'node:assert/strict';
import { request } from 'node:http';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { TokenStore } from '../../src-main/hub/auth/token-store.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { importState } from '../../src-main/hub/store/state-import.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { connackCode } from '../helpers/mqtt.js';
import { api } from '../helpers/devices.js';

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
});

/** An HTTP request from a chosen loopback address, with or without a token. */
function from(address: string, method: string, path: string, body?: unknown, token?: string) {
  const url = new URL(path, hub.httpUrl);
  return new Promise<{ status: number; body: string }>((resolve, reject) => {
    const req = request(
      url,
      {
        method,
        localAddress: address,
        headers: {
          ...(token ? { authorization: `Bearer ${token}` } : {}),
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
      },
      (res) => {
        let text = '';
        res.on('data', (chunk: Buffer) => (text += chunk.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: text }));
      },
    );
    req.on('error', reject);
    req.end(body === undefined ? undefined : JSON.stringify(body));
  });
}

async function lockoutOf(address: string) {
  const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/lockouts');
  return (
    listed.body.lockouts as Array<{ key: string; failures: number; lockedUntil: string | null }>
  ).find((entry) => entry.key === `address:${address}`);
}

describe('absent credentials are not guesses', () => {
  test('twenty requests with no token get 401, never 429, and pairing still works', async () => {
    const address = '127.0.0.21';
    for (let i = 0; i < 20; i++) {
      const response = await from(address, 'GET', '/api/v1/status');
      assert.equal(response.status, 401, `request ${i}: ${response.body}`);
    }
    assert.equal(await lockoutOf(address), undefined);
    const code = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes');
    const paired = await from(address, 'POST', '/api/v1/pair', {
      code: code.body.code,
      name: 'Anna',
    });
    assert.equal(paired.status, 200, paired.body);
  });

  test('MQTT logins as a token with no password count towards no lockout', async () => {
    const address = '127.0.0.22';
    for (let i = 0; i < 12; i++) {
      const refused = await connackCode(hub.mqttUrl, {
        clientId: `no-password-${i}`,
        username: 'token',
        localAddress: address,
      });
      assert.notEqual(refused, null, 'a token login needs its token');
    }
    assert.equal(await lockoutOf(address), undefined);
  });

  test('wrong tokens still count, and a valid one is still let in', async () => {
    const address = '127.0.0.23';
    for (let i = 0; i < 12; i++)
      await from(address, 'GET', '/api/v1/status', undefined, `wrong-${i}`);
    assert.ok((await lockoutOf(address))?.lockedUntil, 'ten wrong tokens lock the address out');
    const owner = await from(address, 'GET', '/api/v1/status', undefined, hub.token);
    assert.equal(owner.status, 200);
  });
});

describe('the admin token in the token list', () => {
  test('says when it was last used (not "never" while the owner uses it)', async () => {
    const listed = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/tokens');
    const admin = (listed.body.tokens as Array<{ id: string; lastUsedAt: string | null }>).find(
      (token) => token.id === 'admin',
    );
    assert.ok(admin?.lastUsedAt, JSON.stringify(listed.body));
    assert.ok(Date.now() - Date.parse(admin.lastUsedAt) < 60_000);
  });
});

describe('an import never locks the owner out', () => {
  test('an empty or partial document is refused and nothing changes', async () => {
    const before = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body;
    for (const [state, missing] of [
      [{}, /lacks version/],
      [
        { version: 2, name: 'Partial' },
        /lacks hubId, adminTokenHash, settings, devices, integrations, tokens/,
      ],
      [{ version: 1, name: 'Old' }, /lacks hubId, adminTokenHash, settings/],
    ] as const) {
      for (const dryRun of [true, false]) {
        const response = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/state/import', {
          state,
          dryRun,
        });
        assert.equal(response.status, 400, JSON.stringify(response.body));
        assert.equal(response.body.error.code, 'invalid_input');
        assert.match(response.body.error.message, /not a complete Hearth state/);
        assert.match(response.body.error.message, missing);
      }
    }
    assert.deepEqual(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body,
      before,
    );
    assert.equal((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/status')).status, 200);
  });

  test("another hub's state: a dry run says what would change; the import keeps the admin token", async () => {
    // This hub has a phone token; the other hub's state has none, and its own admin token.
    const phone = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes');
    await api(hub.httpUrl, '', 'POST', '/api/v1/pair', { code: phone.body.code, name: 'Anna' });
    const before = (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body;
    const other = {
      ...before,
      hubId: '7d1c1f3e-8d0e-4f63-9d7e-3a1b2c4d5e6f',
      name: 'Cottage',
      adminTokenHash: 'a'.repeat(64),
      devices: {},
      tokens: {},
    };

    const dry = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/state/import', {
      state: other,
      dryRun: true,
    });
    assert.equal(dry.status, 200, JSON.stringify(dry.body));
    assert.equal(dry.body.imported, false);
    assert.equal(dry.body.keptAs, null);
    assert.deepEqual(dry.body.changes.name, { from: before.name, to: 'Cottage' });
    assert.equal(dry.body.changes.otherHub, true);
    assert.deepEqual(dry.body.changes.tokens.removed, ['Anna']);
    assert.equal(dry.body.changes.adminToken, 'kept');
    assert.deepEqual(
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/state/export')).body,
      before,
    );

    const done = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/state/import', {
      state: other,
    });
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.imported, true);
    assert.match(done.body.keptAs, /^state\.json\.before-import-/);
    // The owner's token still works, over HTTP and MQTT.
    assert.equal((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/info')).body.name, 'Cottage');
    assert.equal(await connackCode(hub.mqttUrl, { username: 'token', password: hub.token }), null);
  });

  test('an admin-scope token that made the import and is absent from the document is kept', () => {
    const dataDir = makeTempDir();
    const store = StateStore.open({ dataDir, log: silentLogger, onWarning: () => {} });
    try {
      const tokens = new TokenStore(store, () => {});
      const laptop = tokens.create('Laptop', 'admin');
      const document = { ...structuredClone(store.state), tokens: {} } as Record<string, unknown>;
      const outcome = importState(store, document, { tokenId: laptop.id, dryRun: false });
      assert.equal(outcome.imported, true);
      assert.deepEqual(tokens.verify(laptop.token), { tokenId: laptop.id, scope: 'admin' });
    } finally {
      store.close();
      removeDir(dataDir);
    }
  });
});
