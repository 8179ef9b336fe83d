// Home end to end: the built panel served by the real headless hub, in real Chromium, with
// simulated locks (the device kit's HearthDevice + the simulator's motorised lock) that join
// over MQTT and are approved. A switch shows `unlocking…`/`locking…` at once and the lock's own
// word after; a jam shows as jammed with a warning; "Lock all" reports each lock's result; a
// device named like markup stays text; the page fits a phone; Chinese follows the browser.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Locator } from 'playwright-core';
import { PanelFixture, WAIT, type SimLock } from './panel-fixture.js';

const HOSTILE_NAME = '<img src=x onerror=alert(1)>';

describe('Home view in a browser', () => {
  const f = new PanelFixture();
  let front: SimLock;
  const dialogs: string[] = [];
  const lockSwitch = (name: string | RegExp): Locator => f.page.getByRole('switch', { name });
  const lockCard = (id: string): Locator => f.page.locator(`li.lock[data-lock-id="${id}"]`);
  const stateOf = async (id: string) =>
    (await lockCard(id).getByTestId('lock-state').innerText()).trim();

  before(async () => {
    await f.start();
    f.page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
  });
  after(() => f.stop());

  test('before any lock, Home explains how one appears', async () => {
    await f.signIn();
    await f.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(WAIT);
    const empty = f.page.getByRole('region', { name: 'No locks yet' });
    await empty.waitFor(WAIT);
    assert.match(await empty.innerText(), /npm run simulate -- lock/);
    assert.equal(await f.page.getByRole('button', { name: 'Lock all' }).isDisabled(), true);
    assert.equal(await f.page.getByRole('link', { name: 'Locks' }).count(), 0, 'Home covers locks');
  });

  test('a device waiting for approval is counted in the navigation and approved from Home', async () => {
    const porch = await f.joining('porch1', 'camera', 'Porch camera');
    const waiting = f.page.getByRole('region', { name: 'Waiting for your approval (1)' });
    await waiting.waitFor(WAIT);
    const entry = waiting.getByRole('listitem', { name: 'Porch camera' });
    assert.match(await entry.innerText(), /online/);
    const badge = f.page.getByTestId('nav-badge-devices');
    assert.match(await badge.innerText(), /^1/);
    // Read out with the link: "Devices 1 (1 waiting for approval)".
    assert.match(
      (await f.page.getByRole('link', { name: /^Devices/ }).textContent()) ?? '',
      /1 waiting for approval/,
    );
    await f.shoot('home-waiting-device-desktop');
    await entry.getByRole('button', { name: 'Approve Porch camera' }).click();
    await waiting.waitFor({ state: 'detached', ...WAIT });
    await badge.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await f.call('GET', '/api/v1/devices/porch1')).body.status, 'approved');
    await porch.stop();
  });

  test('a lock that joins and is approved appears live as a switch with its state', async () => {
    front = await f.lock('door1', 'Front door', { battery: 80 });
    const door = lockSwitch(/^Front door: /);
    await door.waitFor(WAIT);
    await f.page.waitForFunction(
      () =>
        document.querySelector('[data-lock-id="door1"] [data-testid="lock-state"]')?.textContent ===
        'Locked',
      undefined,
      WAIT,
    );
    assert.equal(await door.getAttribute('aria-checked'), 'true');
    assert.equal(await door.getAttribute('aria-label'), 'Front door: Locked');
    assert.match(await lockCard('door1').getByTestId('battery').innerText(), /80%/);
  });

  test('the switch shows unlocking… then unlocked, and locking… then locked', async () => {
    const door = lockSwitch(/^Front door: /);
    await door.click();
    await lockSwitch('Front door: Unlocking…').waitFor(WAIT);
    assert.equal(await door.isDisabled(), true, 'no second command while one is on its way');
    await lockSwitch('Front door: Unlocked').waitFor(WAIT);
    assert.equal(await door.getAttribute('aria-checked'), 'false');

    // The keyboard works as well as the mouse.
    await door.focus();
    await f.page.keyboard.press('Space');
    await lockSwitch('Front door: Locking…').waitFor(WAIT);
    await f.shoot('home-locking-desktop');
    await lockSwitch('Front door: Locked').waitFor(WAIT);
    // In the family's words: who, never a token id or a transport.
    await lockCard('door1')
      .getByText(/Lock by the owner \(Chrome on Linux\), /)
      .waitFor(WAIT);
    assert.doesNotMatch(await lockCard('door1').innerText(), /token|\(http\)|\(panel\)|admin/);
    assert.equal(await stateOf('door1'), 'Locked');
  });

  test('a jam shows as jammed, with the reason and a warning', async () => {
    front.options.jam = true;
    await f.console.expecting(/status of 409/, async () => {
      await lockSwitch(/^Front door: /).click();
      await lockSwitch('Front door: Jammed').waitFor(WAIT);
      const alert = f.page.getByRole('alert');
      await alert.waitFor(WAIT);
      assert.match(
        await alert.innerText(),
        /Could not unlock Front door: Front door is jammed\. Check the door\./,
      );
    });
    const warnings = f.page.getByRole('region', { name: /Warnings/ });
    await warnings
      .getByText('Front door is jammed: check the door, then lock it again.')
      .waitFor(WAIT);
    // The command's line follows its lock_command event, which may come a moment after the jam.
    await lockCard('door1')
      .getByText(/Unlock by the owner \(Chrome on Linux\), .* · the lock is jammed/)
      .waitFor(WAIT);
    await f.shoot('home-jammed-desktop');
  });

  test('"Lock all" reports each lock’s own result', async () => {
    await f.lock('door2', 'Back door', { battery: 64 });
    await lockSwitch('Back door: Locked').waitFor(WAIT);
    // Unlock the back door through the API so lock-all has work to do there.
    assert.equal((await f.call('POST', '/api/v1/devices/door2/unlock')).status, 200);
    await lockSwitch('Back door: Unlocked').waitFor(WAIT);

    await f.page.getByRole('button', { name: 'Lock all' }).click();
    await lockSwitch('Back door: Locking…').waitFor(WAIT);
    const summary = f.page.getByRole('region', { name: /^Lock all: / });
    await summary.waitFor(WAIT);
    assert.equal(
      await summary.getByRole('heading', { level: 2 }).innerText(),
      'Lock all: 1 of 2 locked',
    );
    const lines = await summary.getByRole('listitem').allInnerTexts();
    assert.equal(lines.length, 2);
    assert.ok(
      lines.some((line) => /Back door\s+locked/.test(line)),
      lines.join(' | '),
    );
    assert.ok(
      lines.some((line) => /Front door\s+not locked: the lock is jammed/i.test(line)),
      lines.join(' | '),
    );
    await lockSwitch('Back door: Locked').waitFor(WAIT);
    await f.shoot('home-lock-all-desktop');
    await summary.getByRole('button', { name: 'Dismiss' }).click();
    await summary.waitFor({ state: 'detached', ...WAIT });
  });

  test('a device named like markup is shown as text, and its low battery warns', async () => {
    await f.lock('door3', HOSTILE_NAME, { battery: 9 });
    const hostile = lockSwitch(`${HOSTILE_NAME}: Locked`);
    await hostile.waitFor(WAIT);
    const heading = lockCard('door3').getByRole('heading', { level: 3 });
    assert.equal(await heading.innerText(), HOSTILE_NAME);
    assert.equal(await heading.getAttribute('title'), HOSTILE_NAME);
    assert.equal(
      await f.page.locator('.locks img, .warnings img').count(),
      0,
      'no img element made',
    );
    // The hub raises low_battery itself; Home lists it with the rest, the name still as text.
    const lowBattery = f.page.locator('.warning[data-code="low_battery"]');
    await lowBattery.waitFor(WAIT);
    assert.ok((await lowBattery.innerText()).includes(`${HOSTILE_NAME}’s battery is at 9%`));
    assert.equal(await lockCard('door3').locator('.lock-battery.is-low').count(), 1);
    assert.deepEqual(dialogs, [], 'no script ran');
  });

  test('light and dark themes, and a phone-width window without sideways scrolling', async () => {
    await f.page.evaluate(() => window.scrollTo(0, 0));
    await f.shoot('home-light-desktop');
    const background = () => f.page.evaluate(() => getComputedStyle(document.body).backgroundColor);
    assert.equal(await background(), 'rgb(244, 245, 248)');
    // The ThemeProvider sets data-theme on <html>; dark colours follow from the variables.
    await f.page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    assert.equal(await background(), 'rgb(17, 21, 31)');
    await f.shoot('home-dark-desktop');

    await f.page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await f.noSidewaysScroll(), 0, 'no sideways scrolling of the page (dark)');
    await f.page.evaluate(() => (document.documentElement.dataset.theme = 'light'));
    assert.equal(await f.noSidewaysScroll(), 0, 'no sideways scrolling of the page');
    const nav = f.page.getByRole('navigation', { name: 'Sections' });
    for (const label of ['Home', 'Devices', 'Strangers', 'Actions', 'Activity', 'Settings']) {
      assert.equal(await nav.getByRole('link', { name: label }).isVisible(), true, label);
    }
    await f.shoot('home-phone');
    await f.page.evaluate(() => delete document.documentElement.dataset.theme);
    await f.page.setViewportSize({ width: 1280, height: 800 });
  });

  test('#/overview, the old address, still opens Home', async () => {
    await f.page.goto(`${f.base}/#/overview`);
    await f.page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(WAIT);
    await lockSwitch('Back door: Locked').waitFor(WAIT);
  });

  test('a Chinese browser gets the panel in Chinese', async () => {
    const context = await f.browser.newContext({
      locale: 'zh-CN',
      viewport: { width: 1280, height: 800 },
    });
    try {
      const page = await context.newPage();
      await f.signIn(page);
      await page.getByRole('heading', { level: 1, name: '首页' }).waitFor(WAIT);
      const nav = page.getByRole('navigation', { name: '栏目' });
      for (const label of ['首页', '设备', '陌生人', '动作', '动态', '设置']) {
        await nav.getByRole('link', { name: label }).waitFor(WAIT);
      }
      await page.getByRole('switch', { name: 'Back door：已上锁' }).waitFor(WAIT);
      await page.getByRole('switch', { name: 'Front door：卡住了' }).waitFor(WAIT);
      await page.getByRole('button', { name: '全部上锁' }).waitFor(WAIT);
      assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
      await f.shoot('home-zh-CN', page);
    } finally {
      await context.close();
    }
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
