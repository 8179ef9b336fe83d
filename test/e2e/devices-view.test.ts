// The Devices view end to end: the built panel served by the real headless hub, in real
// Chromium, with devices that are bare mqtt.js clients on the hub's real broker. A device's
// hand_shake appears live as pending; Approve in the panel sends it its secret; "Let devices
// join" shows a countdown and approves a second device at once; Reject and Remove (after a
// confirmation) work. Needs `npm run build` first.
// Screenshots go to $HEARTH_E2E_SCREENSHOTS when set (kept), else to a removed temp folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { connectDevice, type TestDevice } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };

describe('Devices view in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  let mqttUrl: string;
  const devices: TestDevice[] = [];
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-devices-shots-'));
  const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const card = (name: string) =>
    page.getByRole('listitem').filter({ has: page.getByRole('heading', { level: 3, name }) });
  const join_ = async (id: string, words: string) => {
    const device = await connectDevice(mqttUrl, id);
    devices.push(device);
    return { device, answer: await device.handShake(words) };
  };

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
    mqttUrl = `mqtt://127.0.0.1:${hub.ready.mqtt}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    await Promise.allSettled(devices.map((device) => device.end()));
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('no devices yet explains hand_shake and the simulator', async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Devices' }).click();
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor(WAIT);
    const empty = page.getByRole('region', { name: 'No devices yet' });
    await empty.waitFor(WAIT);
    const text = await empty.innerText();
    assert.ok(text.includes('hand_shake <id> [kind] [name…]'));
    assert.ok(text.includes('npm run simulate -- lock'));
    await page.getByRole('button', { name: 'Let devices join' }).waitFor(WAIT);
    await shoot('devices-1-empty-desktop');
  });

  test('a hand_shake appears live as pending; Approve sends the device its secret', async () => {
    const { device, answer } = await join_('door1', 'lock Front door');
    assert.equal(answer, 'pending');
    const door = card('Front door');
    await door.waitFor(WAIT);
    const text = await door.innerText();
    // Waiting, and connected: it just asked over its connection.
    assert.match(text, /waiting for approval/);
    assert.match(text, /online/);
    assert.match(text, /door1/);
    assert.match(text, /lock/);
    assert.match(text, /127\.0\.0\.1/);
    await shoot('devices-2-pending-desktop');

    await door.getByRole('button', { name: 'Approve Front door' }).click();
    await door.getByText('approved', { exact: true }).waitFor(WAIT);
    assert.equal(await door.getByRole('button', { name: 'Approve Front door' }).count(), 0);
    assert.match(await device.nextAnswer(), /^approved \S+/);
  });

  test('pending devices are listed first; Reject marks one rejected', async () => {
    await join_('gate1', 'lock Garden gate');
    const gate = card('Garden gate');
    await gate.waitFor(WAIT);
    const names = await page.locator('.device-name').allInnerTexts();
    assert.deepEqual(names, ['Garden gate', 'Front door'], 'pending first');
    await gate.getByRole('button', { name: 'Reject Garden gate' }).click();
    await gate.getByText('rejected', { exact: true }).waitFor(WAIT);
  });

  test('"Let devices join" counts down and approves a joining device at once', async () => {
    await page.getByRole('button', { name: 'Let devices join' }).click();
    const countdown = page.locator('.countdown');
    await countdown.waitFor(WAIT);
    const first = await countdown.innerText();
    assert.match(first, /^(2:00|1:5\d)$/);
    await page.waitForFunction(
      (start) => document.querySelector('.countdown')?.textContent !== start,
      first,
      WAIT,
    );
    const { answer } = await join_('cam1', 'camera Porch camera');
    assert.match(answer, /^approved \S+/);
    const camera = card('Porch camera');
    await camera.getByText('approved', { exact: true }).waitFor(WAIT);
    await shoot('devices-3-joining-desktop');

    await page.setViewportSize({ width: 390, height: 844 });
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no sideways scrolling of the page');
    await shoot('devices-4-joining-phone');
    await page.setViewportSize({ width: 1280, height: 800 });

    await page.getByRole('button', { name: 'Close now' }).click();
    await page.getByRole('button', { name: 'Let devices join' }).waitFor(WAIT);
    assert.equal(await countdown.count(), 0);
  });

  test('Remove asks first, then the device leaves the list', async () => {
    const camera = card('Porch camera');
    await camera.getByRole('button', { name: 'Remove' }).click();
    const confirm = camera.getByRole('group', { name: /Remove Porch camera\?/ });
    await confirm.waitFor(WAIT);
    await shoot('devices-5-confirm-remove');
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await camera.waitFor({ state: 'detached', ...WAIT });
    assert.equal(await card('Front door').count(), 1);
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});
