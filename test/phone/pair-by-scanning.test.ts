// Pairing by scanning (contract 3.2, issue 20), the hub's side: the pairing answer carries the
// hub's own web address with the code, which a phone's camera opens; `/pair` serves the panel
// that redeems it, with no token; the code stays out of anything the browser sends.
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { api } from '../helpers/devices.js';
import { startTestHub, type TestHub } from '../helpers/in-process-hub.js';

const PANEL_DIR = resolve('dist/renderer');

describe('pair by scanning', () => {
  let hub: TestHub;
  before(async () => {
    assert.ok(existsSync(PANEL_DIR), 'run "npm run build" first');
    hub = await startTestHub({ panelDir: PANEL_DIR });
  });
  after(() => hub.close());

  test("the pairing answer holds the hub's web address with the code, for the QR code", async () => {
    const made = await api(hub.httpUrl, hub.token, 'POST', '/api/v1/pairing-codes');
    assert.equal(made.status, 200);
    const { code, pairingUrl, pairingUrls, pairingUri } = made.body;
    assert.equal(pairingUrl, `${hub.httpUrl}/pair#code=${code}`);
    assert.deepEqual(pairingUrls, [pairingUrl], 'one address: the hub listens on 127.0.0.1 only');
    assert.match(pairingUri, new RegExp(`^hearth://pair\\?code=${code}&`), 'kept for native apps');
  });

  test('/pair serves the panel without a token, as fresh as its index', async () => {
    const page = await fetch(`${hub.httpUrl}/pair`);
    assert.equal(page.status, 200);
    assert.match(page.headers.get('content-type') ?? '', /^text\/html/);
    assert.equal(page.headers.get('cache-control'), 'no-cache');
    assert.match(page.headers.get('content-security-policy') ?? '', /default-src 'self'/);
    const index = await (await fetch(`${hub.httpUrl}/`)).text();
    assert.equal(await page.text(), index, 'the same panel, which reads the code itself');
  });

  test('only /pair itself: deeper paths are not the panel', async () => {
    for (const path of ['/pair/', '/pair/x', '/pairing', '/pair/../state.json']) {
      const answer = await fetch(`${hub.httpUrl}${path}`);
      assert.notEqual(answer.status, 200, path);
    }
  });
});
