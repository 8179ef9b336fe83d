// Pairing by scanning, the phone's side (issue 20), in real Chromium with a phone-sized touch
// viewport: the pairing address signs that browser in with a control token of its own and shows
// the locks; a second visit is still signed in; the same code elsewhere is refused in words; a
// code can be typed at the short address; the owner renames it; revoking it in Settings signs it
// out at once.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { ConsoleWatcher } from './chromium.js';
import { PanelFixture, WAIT } from './panel-fixture.js';

const IPHONE_SAFARI =
  'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1';

interface TokenView {
  id: string;
  name: string;
  kind: string;
  scope: string;
}

describe('a phone pairs by scanning', () => {
  const f = new PanelFixture();
  const phones: BrowserContext[] = [];
  const watchers: ConsoleWatcher[] = [];

  const phone = async (): Promise<Page> => {
    const context = await f.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      userAgent: IPHONE_SAFARI,
    });
    phones.push(context);
    const page = await context.newPage();
    watchers.push(new ConsoleWatcher(page));
    return page;
  };
  const pairingCode = async () =>
    (await f.call('POST', '/api/v1/pairing-codes')).body as { code: string; pairingUrl: string };
  const paired = async (): Promise<TokenView[]> =>
    ((await f.call('GET', '/api/v1/tokens')).body.tokens as TokenView[]).filter(
      (token) => token.kind === 'paired',
    );

  before(async () => {
    await f.start();
    await f.lock('front-door', 'Front door');
  });
  after(async () => {
    for (const context of phones) await context.close();
    await f.stop();
    for (const watcher of watchers) assert.deepEqual(watcher.problems(), []);
  });

  let annasPhone: Page;
  let code: { code: string; pairingUrl: string };

  test('the pairing address signs the phone in with a control token of its own and shows the locks', async () => {
    code = await pairingCode();
    annasPhone = await phone();
    await annasPhone.goto(code.pairingUrl);
    await annasPhone.locator('[data-status="connected"]').waitFor(WAIT);
    await annasPhone.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
    assert.equal(annasPhone.url(), `${f.base}/`, 'neither the code nor /pair stays in the address');
    const [token] = await paired();
    assert.equal(token?.name, 'Safari on iPhone');
    assert.equal(token?.scope, 'control');
    assert.equal(await f.noSidewaysScroll(annasPhone), 0);
    await f.shoot('phone-1-paired-home', annasPhone);
  });

  test('a second visit is still signed in', async () => {
    await annasPhone.goto('about:blank');
    await annasPhone.goto(`${f.base}/`);
    await annasPhone.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
    assert.equal((await paired()).length, 1, 'the same token, no new one');
  });

  test('the same code in another browser is refused with a sentence', async () => {
    const other = await phone();
    await watchers.at(-1)!.expecting(/status of 401/, async () => {
      await other.goto(code.pairingUrl);
      const alert = other.getByRole('alert');
      await alert.waitFor(WAIT);
      assert.match(await alert.innerText(), /This pairing code has been used or has expired/);
    });
    assert.equal(
      await other.getByRole('heading', { level: 1, name: 'Pair this phone' }).isVisible(),
      true,
    );
    assert.equal((await paired()).length, 1, 'nothing was paired');
    await f.shoot('phone-2-code-refused', other);
  });

  test('a phone without a camera types the code at the short address', async () => {
    const typed = await pairingCode();
    const page = await phone();
    await page.goto(typed.pairingUrl.replace(/#.*$/, ''));
    await page.getByRole('heading', { level: 1, name: 'Pair this phone' }).waitFor(WAIT);
    await page.getByLabel('Pairing code').fill(typed.code.toLowerCase());
    await page.getByRole('button', { name: 'Pair', exact: true }).click();
    await page.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
    assert.equal((await paired()).length, 2);
  });

  test('the owner renames the phone in Settings; the hub keeps the new name', async () => {
    await f.signIn();
    await f.page.goto(`${f.base}/#/settings`);
    const row = f.page.getByRole('row', { name: /Safari on iPhone/ }).first();
    await row.getByRole('button', { name: 'Rename Safari on iPhone' }).click();
    await row.getByRole('textbox').fill('Anna’s iPhone');
    await row.getByRole('button', { name: 'Save' }).click();
    await f.page.getByRole('row', { name: /Anna’s iPhone/ }).waitFor(WAIT);
    assert.deepEqual(
      (await paired()).map((token) => token.name),
      ['Anna’s iPhone', 'Safari on iPhone'],
    );
  });

  test('revoking the phone in Settings signs it out at once', async () => {
    const row = f.page.getByRole('row', { name: /Anna’s iPhone/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    await row.getByRole('group').getByRole('button', { name: 'Revoke' }).click();
    await watchers[0]!.expecting(/status of 401/, async () => {
      await annasPhone
        .getByRole('heading', { level: 1, name: /Sign in to Hearth|Pair this phone/ })
        .waitFor(WAIT);
      assert.match(await annasPhone.getByRole('alert').innerText(), /signed out/);
    });
  });
});
