// A browser's sign-in (contract section 1, issue 19): the token it signs in with buys it a
// session token of its own, with the same scope, listed and revocable like any token; signing
// out revokes it; a session unused for too long ends by itself; bad input changes nothing.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, test } from 'node:test';
import { MAX_SESSIONS } from '../../src-main/hub/auth/session-lifetime.js';
import { api, pairPhone } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';
import { checkedFetch } from '../helpers/openapi-check.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

interface TokenView {
  id: string;
  name: string;
  scope: string;
  kind: string;
  remember: boolean;
  lastUsedAt: string | null;
  current: boolean;
}

let hub: TestHub;
beforeEach(async () => {
  hub = await startTestHub();
});
afterEach(async () => {
  await hub.close();
  removeDir(hub.dataDir);
});

async function tokens(token = hub.token): Promise<TokenView[]> {
  const listed = await api(hub.httpUrl, token, 'GET', '/api/v1/tokens');
  assert.equal(listed.status, 200);
  return listed.body.tokens;
}

const phoneToken = async (name: string) => (await pairPhone(hub.httpUrl, hub.token, name)).token;

describe('signing in makes a session of its own', () => {
  test('the admin token buys an admin session, listed with its name and marked as the asker', async () => {
    const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Firefox on Linux',
      remember: true,
    });
    assert.equal(made.status, 200);
    assert.equal(made.body.scope, 'admin');
    assert.equal(made.body.remember, true);
    assert.match(made.body.token, /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(made.body.token, hub.token);

    const settings = await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/settings');
    assert.equal(settings.status, 200, 'an admin session may do what the admin token may');

    const seenBySession = await tokens(made.body.token);
    const own = seenBySession.find((token) => token.id === made.body.id)!;
    assert.equal(own.name, 'Firefox on Linux');
    assert.equal(own.kind, 'session');
    assert.equal(own.remember, true);
    assert.equal(own.current, true, 'the session sees itself as "this browser"');
    assert.notEqual(own.lastUsedAt, null, 'its own use is its "last used"');
    const seenByAdmin = await tokens();
    assert.equal(seenByAdmin.find((token) => token.id === made.body.id)!.current, false);
    assert.equal(seenByAdmin.find((token) => token.kind === 'admin')!.current, true);
  });

  test('a token asks what it is: its own name, scope and kind, and never another token', async () => {
    const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Kitchen tablet',
    });
    const own = await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/tokens/current');
    assert.equal(own.status, 200);
    assert.equal(own.body.id, made.body.id);
    assert.equal(own.body.name, 'Kitchen tablet');
    assert.equal(own.body.scope, 'admin');
    assert.equal(own.body.kind, 'session');
    assert.equal(own.body.current, true);
    assert.equal('hash' in own.body, false, 'never the hash');
    const phone = await phoneToken('Anna’s phone');
    const phoneView = await api(hub.httpUrl, phone, 'GET', '/api/v1/tokens/current');
    assert.deepEqual([phoneView.body.name, phoneView.body.scope], ['Anna’s phone', 'control']);
    const admin = await api(hub.httpUrl, hub.token, 'GET', '/api/v1/tokens/current');
    assert.equal(admin.body.kind, 'admin');
    const nobody = await checkedFetch(`${hub.httpUrl}/api/v1/tokens/current`);
    assert.equal(nobody.status, 401);
  });

  test("a paired phone's token buys a control session, which cannot reach admin routes", async () => {
    const phone = await phoneToken('Anna’s phone');
    const made = await api(hub.httpUrl, phone, 'POST', '/api/v1/sessions', {
      name: 'Safari on iPad',
    });
    assert.equal(made.status, 200);
    assert.equal(made.body.scope, 'control');
    assert.equal(made.body.remember, false, 'not remembered unless asked');
    assert.equal((await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/devices')).status, 200);
    const settings = await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/settings');
    assert.equal(settings.status, 403);
    assert.equal(settings.body.error.code, 'forbidden');
  });

  test('signing out revokes the session at once, its event stream included; the token it came from keeps working', async () => {
    const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Chrome on Windows',
    });
    const stream = await checkedFetch(`${hub.httpUrl}/api/v1/events`, {
      headers: { authorization: `Bearer ${made.body.token}` },
    });
    assert.equal(stream.status, 200);
    const reader = stream.body!.getReader();
    await reader.read(); // the stream's greeting

    const out = await api(hub.httpUrl, made.body.token, 'DELETE', '/api/v1/sessions/current');
    assert.equal(out.status, 200);
    assert.equal(out.body.revoked, made.body.id);
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break; // the hub ended the stream
    }
    const after = await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/devices');
    assert.equal(after.status, 401);
    assert.ok(!(await tokens()).some((token) => token.id === made.body.id), 'no longer listed');
    assert.equal((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices')).status, 200);
  });

  test('the owner revokes a session from the token list like any token', async () => {
    const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Old laptop',
      remember: true,
    });
    const revoked = await api(hub.httpUrl, hub.token, 'DELETE', `/api/v1/tokens/${made.body.id}`);
    assert.equal(revoked.status, 200);
    assert.equal((await api(hub.httpUrl, made.body.token, 'GET', '/api/v1/devices')).status, 401);
  });
});

describe('renaming', () => {
  test('the owner renames a paired phone; bad names, the admin token and a phone asking are refused, changing nothing', async () => {
    const phone = await pairPhone(hub.httpUrl, hub.token, 'Safari on iPhone');
    const renamed = await api(hub.httpUrl, hub.token, 'PATCH', `/api/v1/tokens/${phone.id}`, {
      name: '  Anna’s iPhone ',
    });
    assert.equal(renamed.status, 200);
    assert.equal(renamed.body.name, 'Anna’s iPhone');
    assert.equal(renamed.body.kind, 'paired');
    const before = await tokens();
    const refused: Array<[string, string, unknown, number, string]> = [
      [hub.token, phone.id, { name: '' }, 400, 'invalid_input'],
      [hub.token, phone.id, { name: 'x'.repeat(65) }, 400, 'invalid_input'],
      [hub.token, phone.id, { name: 'bad\u0007bell' }, 400, 'invalid_input'],
      [hub.token, 'admin', { name: 'Mine now' }, 404, 'unknown_token'],
      [hub.token, 'tok-000000000000', { name: 'Nobody' }, 404, 'unknown_token'],
      [phone.token, phone.id, { name: 'I rename myself' }, 403, 'forbidden'],
    ];
    for (const [token, id, body, status, code] of refused) {
      const answer = await api(hub.httpUrl, token, 'PATCH', `/api/v1/tokens/${id}`, body);
      assert.equal(answer.status, status, JSON.stringify(body));
      assert.equal(answer.body.error.code, code);
    }
    assert.deepEqual(
      (await tokens()).map((token) => [token.id, token.name]),
      before.map((token) => [token.id, token.name]),
    );
  });
});

describe('what is refused, and changes nothing', () => {
  test('the admin token cannot sign itself out: 409, and it keeps working', async () => {
    const before = await tokens();
    const out = await api(hub.httpUrl, hub.token, 'DELETE', '/api/v1/sessions/current');
    assert.equal(out.status, 409);
    assert.equal(out.body.error.code, 'admin_token_stays');
    assert.match(out.body.error.message, /reset-admin-token/);
    assert.equal((await api(hub.httpUrl, hub.token, 'GET', '/api/v1/devices')).status, 200);
    assert.deepEqual(
      (await tokens()).map((token) => token.id),
      before.map((token) => token.id),
    );
  });

  test("a paired phone signs itself out: its own token is revoked, nobody else's", async () => {
    const anna = await phoneToken('Anna’s phone');
    const ben = await phoneToken('Ben’s phone');
    const out = await api(hub.httpUrl, anna, 'DELETE', '/api/v1/sessions/current');
    assert.equal(out.status, 200);
    assert.equal((await api(hub.httpUrl, anna, 'GET', '/api/v1/devices')).status, 401);
    assert.equal((await api(hub.httpUrl, ben, 'GET', '/api/v1/devices')).status, 200);
    assert.deepEqual(
      (await tokens()).map((token) => token.name),
      ['Admin token', 'Ben’s phone'],
    );
  });

  test('bad names and options get 400 with the reason, and no session is made', async () => {
    const before = await tokens();
    const bad: unknown[] = [
      {},
      { name: '' },
      { name: '   ' },
      { name: 'x'.repeat(65) },
      { name: 'evil\u0000name' },
      { name: 'line\nbreak' },
      { name: 42 },
      { name: 'Firefox', remember: 'yes' },
    ];
    for (const body of bad) {
      const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', body);
      assert.equal(made.status, 400, JSON.stringify(body));
      assert.equal(made.body.error.code, 'invalid_input', JSON.stringify(body));
      assert.match(made.body.error.message, /name|remember/, JSON.stringify(body));
    }
    assert.deepEqual(
      (await tokens()).map((token) => token.id),
      before.map((token) => token.id),
      'no token was made',
    );
    assert.equal((await tokens()).filter((token) => token.kind === 'session').length, 0);
  });

  test('without a token, or with a wrong one, there is no session', async () => {
    const none = await checkedFetch(`${hub.httpUrl}/api/v1/sessions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Burglar' }),
    });
    assert.equal(none.status, 401);
    const wrong = await api(hub.httpUrl, 'x'.repeat(43), 'POST', '/api/v1/sessions', {
      name: 'Burglar',
    });
    assert.equal(wrong.status, 401);
    assert.equal((await tokens()).filter((token) => token.kind === 'session').length, 0);
  });

  test(`at most ${MAX_SESSIONS} browsers at once: the next sign-in is refused, and nobody is signed out for it`, async () => {
    const made: string[] = [];
    for (let i = 0; i < MAX_SESSIONS; i++) {
      const session = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
        name: `Browser ${i + 1}`,
      });
      assert.equal(session.status, 200);
      made.push(session.body.token);
    }
    const refused = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'One too many',
    });
    assert.equal(refused.status, 409);
    assert.equal(refused.body.error.code, 'too_many_sessions');
    assert.match(refused.body.error.message, /sign some out/);
    for (const token of [made[0]!, made.at(-1)!]) {
      assert.equal((await api(hub.httpUrl, token, 'GET', '/api/v1/devices')).status, 200);
    }
    assert.equal((await tokens()).filter((token) => token.kind === 'session').length, 50);
  });
});

describe('sessions unused for too long end by themselves', () => {
  test('a visit unused for a day and a remembered session unused for 91 days are refused and unlisted; a remembered one unused for 30 days still works', async () => {
    // A hub of its own, in a folder that outlives a restart.
    await hub.close();
    const dataDir = makeTempDir();
    hub = await startTestHub({ dataDir });
    const visit = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Library computer',
    });
    const oldRemembered = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Given-away laptop',
      remember: true,
    });
    const remembered = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/sessions', {
      name: 'Kitchen tablet',
      remember: true,
    });
    await hub.close();

    // The hub was off; the sessions were last used a while ago.
    const statePath = join(dataDir, 'state.json');
    const state = JSON.parse(readFileSync(statePath, 'utf8'));
    const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString();
    state.tokens[visit.body.id].lastUsedAt = daysAgo(1.1);
    state.tokens[oldRemembered.body.id].lastUsedAt = daysAgo(91);
    state.tokens[remembered.body.id].lastUsedAt = daysAgo(30);
    writeFileSync(statePath, JSON.stringify(state));

    hub = await startTestHub({ dataDir });
    assert.equal((await api(hub.httpUrl, visit.body.token, 'GET', '/api/v1/devices')).status, 401);
    const gone = await api(hub.httpUrl, oldRemembered.body.token, 'GET', '/api/v1/devices');
    assert.equal(gone.status, 401);
    const kept = await api(hub.httpUrl, remembered.body.token, 'GET', '/api/v1/settings');
    assert.equal(kept.status, 200);
    assert.deepEqual(
      (await tokens()).filter((token) => token.kind === 'session').map((token) => token.name),
      ['Kitchen tablet'],
    );
    const saved = JSON.parse(readFileSync(statePath, 'utf8'));
    assert.deepEqual(Object.keys(saved.tokens), [remembered.body.id], 'expired ones removed');
  });
});
