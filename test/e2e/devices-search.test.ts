// The Devices view with many devices, end to end: the built panel served by the real headless
// hub, in real Chromium. 130 devices arrive through the hub's state import and three more join
// over MQTT (bare mqtt.js clients). The list pages (never every card at once), search and the
// kind and state filters narrow it, a device named like markup stays text, rename checks the
// name first and the hub keeps the new one, a device's detail shows its history, and Remove
// asks first. Needs `npm run build` first.
// Screenshots go to $HEARTH_E2E_SCREENSHOTS when set (kept), else to a removed temp folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api, connectDevice, type TestDevice } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };
const IMPORTED = 130;
const MARKUP_NAME = '<img src=x onerror=alert(1)>';

/** An approved sensor as the state file holds it (src-main/hub/store/state-schema.ts). */
function sensorRecord(n: number) {
  const id = `sensor-${String(n).padStart(3, '0')}`;
  return {
    id,
    name: `Sensor ${String(n).padStart(3, '0')}`,
    kind: 'sensor',
    status: 'approved',
    address: null,
    joinedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    lastSeen: null,
    state: null,
    stateAt: null,
    battery: 80,
    secretHash: null,
    secretUsed: false,
    brokerHash: null,
    bridge: null,
  };
}

describe('Devices view: many devices, search, filters, rename, detail', () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  let dialogs = 0;
  const devices: TestDevice[] = [];
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-devices-search-shots-'));
  const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const admin = (method: string, path: string, body?: unknown) =>
    api(base, hub.adminToken, method, path, body);
  const list = () => page.getByRole('list', { name: 'Devices' });
  const cards = () => list().locator(':scope > li');
  const card = (name: string) =>
    list()
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name, exact: true }) });
  const countTitle = () => page.locator('#device-list-title');
  const search = () => page.getByLabel('Search devices');

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
    const mqttUrl = `mqtt://127.0.0.1:${hub.ready.mqtt}`;

    const state = (await admin('GET', '/api/v1/state/export')).body as Record<string, unknown>;
    const records = Array.from({ length: IMPORTED }, (_, i) => sensorRecord(i + 1));
    state.devices = Object.fromEntries(records.map((record) => [record.id, record]));
    assert.equal((await admin('POST', '/api/v1/state/import', { state })).status, 200);

    for (const [id, words] of [
      ['door1', 'lock Front door'],
      ['cam1', 'camera Porch camera'],
      ['odd1', `sensor ${MARKUP_NAME}`],
    ] as const) {
      const device = await connectDevice(mqttUrl, id);
      devices.push(device);
      assert.equal(await device.handShake(words), 'pending');
    }
    assert.equal((await admin('POST', '/api/v1/devices/door1/approve')).status, 200);
    // The approved lock logs in again with the secret it was sent: it is then online.
    const secret = /^approved (\S+)$/.exec(await devices[0]!.nextAnswer())?.[1];
    assert.ok(secret, 'door1 was sent its secret');
    await devices[0]!.end();
    devices[0] = await connectDevice(mqttUrl, 'door1', { secret });

    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    page.on('dialog', (dialog) => {
      dialogs += 1;
      void dialog.dismiss();
    });
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    await Promise.allSettled(devices.map((device) => device.end()));
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('133 devices show a page at a time, pending first', async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await page.getByRole('navigation').first().waitFor(WAIT);
    await page.goto(`${base}/#/devices`);
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor(WAIT);
    await countTitle().getByText('133 devices').waitFor(WAIT);
    assert.equal(await cards().count(), 60);
    const names = await list().locator('.device-name').allInnerTexts();
    assert.deepEqual(names.slice(0, 2).sort(), [MARKUP_NAME, 'Porch camera'].sort());
    await shoot('devices-search-1-many-desktop');

    await page.getByRole('button', { name: 'Show 60 more' }).click();
    await cards().nth(119).waitFor(WAIT);
    assert.equal(await cards().count(), 120);
    await page.getByRole('button', { name: 'Show 13 more' }).click();
    await cards().nth(132).waitFor(WAIT);
    assert.equal(await cards().count(), 133);
    assert.equal(await page.getByRole('button', { name: /^Show \d+ more$/ }).count(), 0);
  });

  test('a device named like markup is shown as text and runs nothing', async () => {
    const odd = card(MARKUP_NAME);
    await odd.waitFor(WAIT);
    assert.equal(await odd.locator('h3').innerText(), MARKUP_NAME);
    assert.equal(await page.locator('img[src="x"]').count(), 0);
    assert.equal(dialogs, 0);
  });

  test('search narrows the list as you type and says how many match', async () => {
    await search().fill('front');
    await countTitle().getByText('1 of 133 devices').waitFor(WAIT);
    assert.deepEqual(await list().locator('.device-name').allInnerTexts(), ['Front door']);

    await search().fill('sensor-01');
    await countTitle().getByText('10 of 133 devices').waitFor(WAIT);
    assert.equal(await cards().count(), 10);
    await shoot('devices-search-2-search-desktop');

    await search().fill('no such device');
    await page.getByText(/No device matches/).waitFor(WAIT);
    await page.getByRole('button', { name: 'Clear search and filters' }).click();
    await countTitle().getByText('133 devices').waitFor(WAIT);
    assert.equal(await search().inputValue(), '');
  });

  test('the kind and state filters narrow the list', async () => {
    await page.getByLabel('Kind').selectOption('camera');
    await countTitle().getByText('1 of 133 devices').waitFor(WAIT);
    assert.deepEqual(await list().locator('.device-name').allInnerTexts(), ['Porch camera']);
    await page.getByLabel('Kind').selectOption('all');

    await page.getByLabel('Show', { exact: true }).selectOption('pending');
    await countTitle().getByText('2 of 133 devices').waitFor(WAIT);
    const pending = await list().locator('.device-name').allInnerTexts();
    assert.deepEqual(pending.sort(), [MARKUP_NAME, 'Porch camera'].sort());

    // Approved and online are checked against what the hub says: the panel shows exactly those.
    const all = (await admin('GET', '/api/v1/devices')).body.devices as {
      name: string;
      status: string;
      availability: string;
    }[];
    const approved = all.filter((device) => device.status === 'approved');
    assert.equal(approved.length, IMPORTED + 1);
    await page.getByLabel('Show', { exact: true }).selectOption('approved');
    await countTitle().getByText(`${approved.length} of 133 devices`).waitFor(WAIT);
    const online = all.filter((device) => device.availability === 'online');
    assert.ok(
      online.some((device) => device.name === 'Front door'),
      'the lock is online',
    );
    await page.getByLabel('Show', { exact: true }).selectOption('online');
    await countTitle().getByText(`${online.length} of 133 devices`).waitFor(WAIT);
    assert.deepEqual(
      (await list().locator('.device-name').allInnerTexts()).sort(),
      online.map((device) => device.name).sort(),
    );
    await page.getByLabel('Show', { exact: true }).selectOption('all');
    await countTitle().getByText('133 devices').waitFor(WAIT);
  });

  test('rename checks the name, then the hub keeps the new one', async () => {
    await search().fill('door1');
    const door = card('Front door');
    await door.getByRole('button', { name: 'Rename Front door' }).click();
    const input = door.getByLabel('New name for Front door');
    await input.fill('   ');
    await door.getByRole('button', { name: 'Save' }).click();
    await door.getByRole('alert').getByText('A name cannot be empty.').waitFor(WAIT);
    assert.equal((await admin('GET', '/api/v1/devices/door1')).body.name, 'Front door');

    await input.fill('Back door');
    await input.press('Enter');
    await card('Back door').waitFor(WAIT);
    assert.equal((await admin('GET', '/api/v1/devices/door1')).body.name, 'Back door');
  });

  test("a device's detail shows its facts and recent activity", async () => {
    await card('Back door').getByRole('button', { name: 'Details of Back door' }).click();
    const detail = page.getByRole('region', { name: 'Back door' });
    await detail.waitFor(WAIT);
    await detail.getByRole('heading', { name: 'Recent activity' }).waitFor(WAIT);
    await detail.getByText(/was approved/).waitFor(WAIT);
    await detail.getByText(/door1 is now Back door/).waitFor(WAIT);
    await detail.getByRole('heading', { name: 'Lock commands' }).waitFor(WAIT);
    assert.match(await detail.innerText(), /127\.0\.0\.1/);
    await shoot('devices-search-3-detail-desktop');
    await detail.getByRole('button', { name: 'Close' }).click();
    await detail.waitFor({ state: 'detached', ...WAIT });
    await search().fill('');
  });

  test('a device going offline shows at once, without a reload', async () => {
    const door = card('Back door');
    await door.getByText('online', { exact: true }).waitFor(WAIT);
    await devices[0]!.end();
    await door.getByText('offline', { exact: true }).waitFor(WAIT);
  });

  test('Remove asks first; Cancel keeps the device, confirming removes it', async () => {
    const camera = card('Porch camera');
    await camera.getByRole('button', { name: 'Remove' }).click();
    const confirm = camera.getByRole('group', { name: /Remove Porch camera\?/ });
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await admin('GET', '/api/v1/devices/cam1')).status, 200);

    await camera.getByRole('button', { name: 'Remove' }).click();
    await confirm.getByRole('button', { name: 'Remove' }).click();
    await camera.waitFor({ state: 'detached', ...WAIT });
    assert.equal((await admin('GET', '/api/v1/devices/cam1')).status, 404);
    await countTitle().getByText('132 devices').waitFor(WAIT);
  });

  test('works at phone width without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor(WAIT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await shoot('devices-search-4-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('in Chinese and the dark theme the view speaks 中文 and keeps working', async () => {
    await page.goto(`${base}/#/settings`);
    await page
      .getByRole('region', { name: 'Appearance' })
      .getByLabel('Language')
      .selectOption('zh-CN');
    const appearance = page.getByRole('region', { name: '外观' });
    await appearance.getByLabel('深色').check();
    await page.goto(`${base}/#/devices`);
    await page.getByRole('heading', { level: 1, name: '设备' }).waitFor(WAIT);
    await countTitle().getByText('共 132 台设备').waitFor(WAIT);
    await page.getByLabel('搜索设备').fill('door');
    await countTitle().getByText('显示 1 台，共 132 台设备').waitFor(WAIT);
    const door = page
      .getByRole('list', { name: '设备' })
      .getByRole('listitem')
      .filter({ has: page.getByRole('heading', { level: 3, name: 'Back door' }) });
    assert.match(await door.innerText(), /已批准[\s\S]*门锁/);
    await door.getByRole('button', { name: '重命名 Back door' }).waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
    await shoot('devices-search-5-chinese-dark');
    await page.getByLabel('搜索设备').fill('');
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});
