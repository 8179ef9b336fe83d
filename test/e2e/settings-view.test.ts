// The Settings view end to end: the built panel served by the real headless hub, in real
// Chromium. A pairing code appears as a QR code that decodes (jsQR on a screenshot of the
// rendered SVG) to the hub's pairing address, counts down, and pairs a phone over POST /api/v1/pair;
// revoking that phone's token in the panel makes its requests answer 401; under Advanced, a
// lockout is cleared, ports are listed, export downloads the state as JSON and import asks
// first; 中文 and the dark theme apply; a control token is told plainly what it cannot change.
// The hub settings form itself is tested in settings-form.test.ts. Needs `npm run build` first.
// Screenshots go to $HEARTH_E2E_SCREENSHOTS when set (kept), else to a removed temp folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import jsQRModule from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { api } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { guestOnSettings } from './guest.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };
// jsqr is CommonJS: under NodeNext its default import is module.exports, whose `default` is the
// decoder function.
const jsQR = jsQRModule.default;

describe('Settings view in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  let phoneToken = '';
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-settings-shots-'));
  const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const card = (name: string | RegExp) => page.getByRole('region', { name });
  const admin = (method: string, path: string, body?: unknown) =>
    api(base, hub.adminToken, method, path, body);
  const openSettings = async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await page.getByRole('navigation').first().waitFor(WAIT);
    await page.goto(`${base}/#/settings`);
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
  };
  const openAdvanced = async () => {
    const fold = page.locator('details.settings-advanced');
    if (!(await fold.evaluate((element: HTMLDetailsElement) => element.open))) {
      await fold.locator('summary').click();
    }
  };

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
    browser = await launchChromium();
    context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
      colorScheme: 'light',
    });
    page = await context.newPage();
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('a pairing code shows as a QR code holding the pairing address, with a countdown', async () => {
    await openSettings();
    const pair = card('Pair a phone');
    await pair.getByText(/Scan this code with the phone’s camera/).waitFor(WAIT);
    const answer = page.waitForResponse(
      (response) => response.url().endsWith('/api/v1/pairing-codes') && response.ok(),
    );
    await pair.getByRole('button', { name: 'Make a pairing code' }).click();
    const created = (await (await answer).json()) as { code: string; pairingUrl: string };

    const qr = pair.getByRole('img', { name: 'QR code for pairing a phone' });
    await qr.waitFor(WAIT);
    const png = PNG.sync.read(await qr.screenshot());
    const decoded = jsQR(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.ok(decoded, 'the rendered QR code decodes');
    assert.equal(decoded.data, created.pairingUrl);
    assert.equal(decoded.data, `${base}/pair#code=${created.code}`);
    assert.match(await pair.innerText(), new RegExp(`open ${base}/pair and type this code`));
    assert.equal(await pair.getByTestId('pairing-code').innerText(), created.code);

    const countdown = pair.locator('.pairing-countdown');
    const first = await countdown.innerText();
    assert.match(first, /^(2:00|1:5\d)$/);
    await page.waitForFunction(
      (start) => document.querySelector('.pairing-countdown')?.textContent !== start,
      first,
      WAIT,
    );
    await shoot('settings-1-pairing-desktop');
  });

  test('the code shown pairs a phone, which then appears under Tokens', async () => {
    const code = await card('Pair a phone').getByTestId('pairing-code').innerText();
    const paired = await fetch(`${base}/api/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: 'Kitchen phone' }),
    });
    assert.equal(paired.status, 200);
    phoneToken = ((await paired.json()) as { token: string }).token;
    await card('Pair a phone').getByText('Kitchen phone is paired').waitFor(WAIT);
    const row = card('Tokens').getByRole('row', { name: /Kitchen phone/ });
    await row.waitFor(WAIT);
    assert.match(await row.innerText(), /control/);
    assert.equal((await api(base, phoneToken, 'GET', '/api/v1/devices')).status, 200);
  });

  test('revoking a token (after confirming) makes its requests answer 401', async () => {
    const row = card('Tokens').getByRole('row', { name: /Kitchen phone/ });
    await row.getByRole('button', { name: 'Revoke' }).click();
    const confirm = row.getByRole('group', { name: /Revoke Kitchen phone\?/ });
    await confirm.waitFor(WAIT);
    await confirm.getByRole('button', { name: 'Revoke' }).click();
    await row.waitFor({ state: 'detached', ...WAIT });
    await card('Tokens')
      .getByText(/No phones or scripts paired yet/)
      .waitFor(WAIT);
    assert.equal((await api(base, phoneToken, 'GET', '/api/v1/devices')).status, 401);
    const left = (await admin('GET', '/api/v1/tokens')).body.tokens as {
      id: string;
      kind: string;
    }[];
    assert.deepEqual(
      left.map((token) => token.kind),
      ['admin', 'session'],
      'the admin token and this browser remain; the phone is gone',
    );
    const adminRow = card('Tokens').getByRole('row', { name: /Admin token/ });
    assert.equal(await adminRow.getByRole('button').count(), 0, 'the admin token has no Revoke');
  });

  test('a lockout from failed sign-ins is listed and cleared', async () => {
    const wrong = 'wrong-token-0123456789abcdef0123456789';
    // Refused with 401, and with 429 once locked out.
    for (let i = 0; i < 10; i++) {
      assert.ok([401, 429].includes((await api(base, wrong, 'GET', '/api/v1/devices')).status));
    }
    const listed = (await admin('GET', '/api/v1/lockouts')).body.lockouts as {
      key: string;
      lockedUntil: string | null;
    }[];
    const locked = listed.filter((item) => item.lockedUntil !== null);
    assert.ok(locked.length > 0, `a key is locked out: ${JSON.stringify(listed)}`);
    const key = locked[0]!.key;

    await openAdvanced();
    const lockouts = card('Failed sign-ins');
    await lockouts.getByRole('button', { name: 'Refresh' }).click();
    const row = lockouts.getByRole('row', { name: new RegExp(escape(key)) });
    await row.waitFor(WAIT);
    assert.doesNotMatch(await row.innerText(), /not locked out/);
    await shoot('settings-2-lockouts-desktop');
    await row.getByRole('button', { name: `Clear ${key}` }).click();
    await row.waitFor({ state: 'detached', ...WAIT });
    const after = (await admin('GET', '/api/v1/lockouts')).body.lockouts as { key: string }[];
    assert.ok(!after.some((item) => item.key === key), 'the hub forgot the lockout');
  });

  test('ports are shown with the start option that changes each; the version too', async () => {
    await openSettings();
    await openAdvanced();
    const ports = card('Ports and addresses');
    const http = ports.getByRole('row', { name: /HTTP: this panel/ });
    assert.match(await http.innerText(), new RegExp(`${hub.ready.http}[\\s\\S]*--http-port`));
    const mqtt = ports.getByRole('row', { name: /^MQTT \d/ });
    assert.match(await mqtt.innerText(), new RegExp(`${hub.ready.mqtt}[\\s\\S]*--mqtt-port`));
    const about = await card('About').innerText();
    const info = (await admin('GET', '/api/v1/info')).body as { version: string };
    assert.ok(about.includes(info.version));
  });

  test('export downloads the state as JSON; import asks first, then says what it kept', async () => {
    assert.equal(
      (await admin('PATCH', '/api/v1/settings', { history: { retentionDays: 90 } })).status,
      200,
    );
    const backup = card('Back up and restore');
    const [download] = await Promise.all([
      page.waitForEvent('download', WAIT),
      backup.getByRole('button', { name: 'Export state' }).click(),
    ]);
    assert.match(download.suggestedFilename(), /^hearth-state-.*\.json$/);
    const path = await download.path();
    const state = JSON.parse(readFileSync(path, 'utf8')) as {
      settings: { history: { retentionDays: number } };
      devices: unknown;
    };
    assert.equal(state.settings.history.retentionDays, 90, 'the value set before the export');
    assert.equal(typeof state.devices, 'object');
    await backup.getByText(/^Downloaded hearth-state-/).waitFor(WAIT);

    await backup.locator('input[type="file"]').setInputFiles(path);
    const confirm = backup.getByRole('group', { name: /^Replace the whole hub state/ });
    await confirm.waitFor(WAIT);
    // The hub checked the file first (a dry run) and says what the import would do.
    const preview = await confirm.innerText();
    assert.match(preview, /Devices: \d+ kept, 0 added, 0 removed\./);
    assert.match(preview, /Your admin token keeps working\./);
    await confirm.getByRole('button', { name: 'Cancel' }).click();
    await confirm.waitFor({ state: 'detached', ...WAIT });

    await backup.locator('input[type="file"]').setInputFiles(path);
    await confirm.getByRole('button', { name: 'Replace' }).click();
    await backup.getByText(/^Imported .*kept as /).waitFor(WAIT);
    assert.equal((await admin('GET', '/api/v1/settings')).body.history.retentionDays, 90);

    // An empty state is refused before any question, and the hub is unchanged.
    const before = (await admin('GET', '/api/v1/state/export')).body;
    await consoleWatch.expecting(/status of 400/, async () => {
      await backup.locator('input[type="file"]').setInputFiles({
        name: 'empty.json',
        mimeType: 'application/json',
        buffer: Buffer.from('{}'),
      });
      await backup
        .getByText(/^empty\.json was not imported: .*not a complete Hearth state/)
        .waitFor(WAIT);
    });
    assert.equal(await confirm.count(), 0);
    assert.deepEqual((await admin('GET', '/api/v1/state/export')).body, before);
  });

  test('the theme switch sets data-theme, and "system" follows the system', async () => {
    const theme = () => page.evaluate(() => document.documentElement.dataset.theme);
    assert.equal(await theme(), 'light');
    const appearance = card('Appearance');
    await appearance.getByLabel('Dark').check();
    assert.equal(await theme(), 'dark');
    await shoot('settings-4-dark-desktop');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    assert.equal(await theme(), 'dark', 'the choice is remembered');
    await card('Appearance').getByLabel('Same as the system').check();
    assert.equal(await theme(), 'light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await page.waitForFunction(() => document.documentElement.dataset.theme === 'light');
  });

  test('switching the language to 中文 changes the labels, and back', async () => {
    await card('Appearance').getByLabel('Language').selectOption('zh-CN');
    await page.getByRole('heading', { level: 1, name: '设置' }).waitFor(WAIT);
    await card('配对手机')
      .getByRole('button', { name: /配对码/ })
      .waitFor(WAIT);
    assert.equal(await page.evaluate(() => document.documentElement.lang), 'zh-CN');
    await shoot('settings-5-chinese-desktop');
    await card('外观').getByLabel('语言').selectOption('en');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
  });

  test('works at phone width without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await card('Pair a phone').getByRole('button', { name: /code/ }).click();
    await card('Pair a phone').getByRole('img').waitFor(WAIT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await shoot('settings-6-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('a control token is told plainly that these need the admin token', async () => {
    const { guest } = await guestOnSettings(context, base, hub.adminToken);
    assert.equal(await guest.getByRole('button', { name: 'Make a pairing code' }).count(), 0);
    assert.equal(await guest.getByRole('region', { name: 'Tokens' }).count(), 0);
    await guest.getByRole('region', { name: 'Appearance' }).waitFor(WAIT);
    await guest.close();
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
