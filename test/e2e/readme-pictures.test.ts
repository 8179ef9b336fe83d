// The README's pictures, taken of a home as a family has it: three doors, two cameras, a
// phone called "Anna's phone", a garden gate waiting for approval, a bedtime action. Each
// picture is also a check of what it shows: no test strings, no token ids or transports, no
// raw codes, and the Chinese one without English sentences.
// `npm run pictures` writes them to docs/screenshots; otherwise they go to a temporary folder.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Page } from 'playwright-core';
import type { SimulatedCamera } from '../../src-main/device-kit/simulator/simulated-camera.js';
import { api, pairPhone } from '../helpers/devices.js';
import { PanelFixture, WAIT, type SimLock } from './panel-fixture.js';

const BEDTIME = `// Bedtime: locks every door and says how it went.
export async function bedtime(message, hub) {
  const locks = (await hub.devices()).filter((d) => d.kind === 'lock' && d.status === 'approved');
  const results = await Promise.all(locks.map((lock) => hub.lock(lock.id)));
  const locked = results.filter((result) => result.ok).length;
  return locked + ' of ' + locks.length + ' doors locked. Good night!';
}
`;

/** The family's own names for things: shown as they were given, in any language. */
const NAMES = [
  'Front door',
  'Back door',
  'Garage side door',
  'Porch camera',
  'Driveway camera',
  'Garden gate',
  'Anna’s phone',
];

/** What must never be on a family's screen (issue 19). */
const NEVER_SHOWN: Array<[RegExp, string]> = [
  [/<img|onerror|<script/i, 'a test string'],
  [/token (admin|tok-|ses-)/, 'a token id'],
  [/\((http|mqtt|ipc)\)/i, 'a transport'],
  [/\b[a-z]+_[a-z]+(_[a-z]+)*\b/, 'a raw code'],
];

describe('the README pictures', () => {
  const f = new PanelFixture();
  const outDir = process.env.HEARTH_README_PICTURES;
  const folder = outDir ?? mkdtempSync(join(tmpdir(), 'hearth-readme-pictures-'));
  const work = mkdtempSync(join(tmpdir(), 'hearth-readme-work-'));
  let garage: SimLock;
  let porch: SimulatedCamera;
  let driveway: SimulatedCamera;

  const nav = (page: Page = f.page) => page.locator('nav').first();
  const go = async (label: RegExp | string, heading: string, page: Page = f.page) => {
    await nav(page).getByRole('link', { name: label }).click();
    await page.getByRole('heading', { level: 1, name: heading }).waitFor(WAIT);
  };
  /** The words on screen. Text set as code (an action's name, a command, a topic) is meant to be
   * typed as it is, so it is left out. */
  const wordsOn = (page: Page) =>
    page.evaluate(() => {
      const copy = document.body.cloneNode(true) as HTMLElement;
      for (const literal of copy.querySelectorAll('code, kbd, samp')) literal.remove();
      copy.style.position = 'absolute';
      document.body.append(copy);
      const text = copy.innerText;
      copy.remove();
      return text;
    });
  /** Takes the picture after checking the page shows nothing it must not. */
  const picture = async (name: string, page: Page = f.page) => {
    const seen = await wordsOn(page);
    for (const [pattern, what] of NEVER_SHOWN) {
      const found = pattern.exec(seen);
      assert.equal(found, null, `${name} shows ${what}: "${found?.[0]}"`);
    }
    await page.screenshot({ path: join(folder, `${name}.png`) });
  };

  before(async () => {
    await f.start();
    // Six devices join from one test address within moments; a real home's come one by one.
    const roomy = await f.call('PATCH', '/api/v1/settings', {
      devices: { handShakesPerMinutePerAddress: 1000 },
    });
    assert.equal(roomy.status, 200, JSON.stringify(roomy.body));
    // A paired phone, used to lock the front door.
    const phone = (await pairPhone(f.base, f.hub.adminToken, 'Anna’s phone')).token;

    await f.lock('front-door', 'Front door', { battery: 78 });
    await f.lock('back-door', 'Back door', { battery: 63 });
    garage = await f.lock('garage-door', 'Garage side door', { battery: 41 });
    porch = await f.camera('porch-cam', 'Porch camera');
    driveway = await f.camera('driveway-cam', 'Driveway camera');
    await f.joining('garden-gate', 'lock', 'Garden gate');

    const locked = await api(f.base, phone, 'POST', '/api/v1/devices/front-door/lock');
    assert.equal(locked.status, 200, JSON.stringify(locked.body));
    for (const camera of [porch, driveway, porch]) assert.equal(await camera.snap(), true);
  });

  after(async () => {
    await f.stop();
    rmSync(work, { recursive: true, force: true });
    if (!outDir) rmSync(folder, { recursive: true, force: true });
  });

  test('Home, in light, on a desktop', async () => {
    await f.signIn();
    await f.page.getByRole('switch', { name: /Back door/ }).waitFor(WAIT);
    const back = f.page.locator('li.lock[data-lock-id="back-door"]');
    await f.page.getByRole('switch', { name: /Back door/ }).click();
    // Someone is in the garden: the owner unlocks the back door from the panel.
    await back
      .getByTestId('lock-state')
      .filter({ hasText: /^Unlocked$/ })
      .waitFor(WAIT);
    const front = f.page.locator('li.lock[data-lock-id="front-door"]');
    assert.match(await front.innerText(), /Anna’s phone/);
    const newest = f.page.getByRole('region', { name: 'Newest stranger pictures' });
    await newest.getByRole('img').nth(2).waitFor(WAIT);
    await picture('home-light-desktop');
  });

  test('Devices, with one waiting for approval', async () => {
    await go(/^Devices/, 'Devices');
    await f.page.getByRole('heading', { name: 'Garden gate' }).waitFor(WAIT);
    await picture('devices-search-1-many-desktop');
  });

  test('Strangers, the gallery', async () => {
    await go(/^Strangers/, 'Strangers');
    await f.page
      .locator('.gallery-item')
      .filter({ hasText: 'Driveway camera' })
      .first()
      .waitFor(WAIT);
    await picture('strangers-light-desktop');
  });

  test('Actions, after running bedtime', async () => {
    await go('Actions', 'Actions');
    const path = join(work, 'bedtime.mjs');
    writeFileSync(path, BEDTIME);
    await f.page.locator('input[type="file"]').setInputFiles(path);
    await f.page.getByRole('button', { name: 'Run bedtime' }).waitFor(WAIT);
    await f.page.getByRole('button', { name: 'Run bedtime' }).click();
    const form = f.page.getByRole('region', { name: 'Run bedtime' });
    await form.getByRole('button', { name: 'Run', exact: true }).click();
    await form
      .getByRole('status')
      .filter({ hasText: /3 of 3 doors locked/ })
      .waitFor(WAIT);
    await picture('actions-2-ran-desktop');
  });

  test('Activity, the history', async () => {
    await go('Activity', 'Activity');
    await f.page.getByRole('tab', { name: 'History' }).click();
    await f.page.getByRole('row').nth(3).waitFor(WAIT);
    await picture('activity-history-desktop');
  });

  test('Settings, pairing a phone', async () => {
    await go('Settings', 'Settings');
    await f.page.getByRole('button', { name: 'Make a pairing code' }).click();
    await f.page.getByRole('img', { name: 'QR code for pairing a phone' }).waitFor(WAIT);
    await picture('settings-1-pairing-desktop');
  });

  test('a jammed door on Home', async () => {
    await go('Home', 'Home');
    garage.options.jam = true;
    const card = f.page.locator('li.lock[data-lock-id="garage-door"]');
    // The hub answers 409 "jammed": the browser logs the status, the card says it in words.
    await f.console.expecting(/status of 409/, async () => {
      const answered = f.page.waitForResponse((response) => response.url().endsWith('/unlock'));
      await f.page.getByRole('switch', { name: /Garage side door/ }).click();
      assert.equal((await answered).status(), 409);
      await card
        .getByTestId('lock-state')
        .filter({ hasText: /Jammed/ })
        .waitFor(WAIT);
    });
    await picture('home-jammed-desktop');
  });

  test('Home on a phone', async () => {
    await f.page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await f.noSidewaysScroll(), 0);
    await picture('home-phone');
    await f.page.setViewportSize({ width: 1280, height: 800 });
  });

  test('Home and Settings in Chinese, dark', async () => {
    const context = await f.browser.newContext({
      viewport: { width: 1280, height: 800 },
      locale: 'zh-CN',
      colorScheme: 'dark',
    });
    try {
      const page = await context.newPage();
      await page.goto(`${f.base}/#token=${encodeURIComponent(f.hub.adminToken)}`);
      await page.locator('[data-status="connected"]').waitFor(WAIT);
      await page.getByRole('heading', { level: 1, name: '首页' }).waitFor(WAIT);
      await page.getByRole('switch').first().waitFor(WAIT);
      // Names, ids, addresses and units may be Latin; a sentence may not.
      const noEnglish = async (what: string) => {
        const words = NAMES.reduce((text, name) => text.split(name).join(''), await wordsOn(page));
        const english = /\b[A-Za-z]{3,}\s+[A-Za-z]{3,}\s+[A-Za-z]{3,}\b/.exec(words);
        assert.equal(english, null, `English left in Chinese ${what}: "${english?.[0]}"`);
      };
      await noEnglish('Home');
      await picture('home-zh-CN', page);
      await go('设置', '设置', page);
      await noEnglish('Settings');
      await picture('settings-5-chinese-desktop', page);
    } finally {
      await context.close();
    }
  });

  test('a phone after scanning the pairing code, and when it is away from home', async () => {
    const context = await f.browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      userAgent:
        'Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1',
    });
    try {
      const phone = await context.newPage();
      const { pairingUrl } = (await f.call('POST', '/api/v1/pairing-codes')).body as {
        pairingUrl: string;
      };
      await phone.goto(pairingUrl);
      await phone.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
      await picture('phone-1-paired-home', phone);

      const typing = await context.newPage();
      await typing.goto(`${f.base}/pair`);
      await typing.getByRole('heading', { level: 1, name: 'Pair this phone' }).waitFor(WAIT);
      await picture('phone-2-type-code', typing);
      await typing.close();

      // The app kept by the phone (127.0.0.1 is a secure context, as HTTPS would be) opens
      // while the hub is away and says so.
      await phone.waitForFunction(
        () => navigator.serviceWorker.controller !== null,
        undefined,
        WAIT,
      );
      await phone.reload();
      await phone.getByRole('switch', { name: /Front door/ }).waitFor(WAIT);
      await f.console.expecting(/./, async () => {
        assert.equal(await f.hub.stop(), 0);
        await phone.reload();
        await phone
          .getByRole('heading', { level: 1, name: 'Can’t reach Hearth at home' })
          .waitFor(WAIT);
        await picture('phone-3-away', phone);
      });
    } finally {
      await context.close();
    }
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
