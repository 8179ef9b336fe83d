// The control panel end to end: the built panel (dist/renderer), served by the real headless
// hub, in real Chromium. Covers the browser sign-in of contract section 1, the shell and its
// views (Home shows the hub's details), the live connection indicator and the session
// storage rules.
// Needs `npm run build` first (npm test does it). Screenshots go to $HEARTH_E2E_SCREENSHOTS
// when set (kept), otherwise to a temporary folder that is removed afterwards.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };
const SESSION_KEY = 'hearth.session';
// Each section's heading, and for the empty ones what their empty state explains. Home has
// its own test file (home-view.test.ts), as do Strangers, Activity, Devices and Actions.
const SECTIONS: { label: string; title?: string; mentions?: string }[] = [
  { label: 'Devices', title: 'No devices yet', mentions: 'hand_shake <id> [kind] [name…]' },
  {
    label: 'Strangers',
    title: 'No stranger pictures yet',
    mentions: 'hearth/devices/<id>/stranger',
  },
  { label: 'Actions' },
  { label: 'Activity' },
  { label: 'Settings' },
];

describe('control panel in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-panel-shots-'));

  const shoot = (name: string) =>
    page.screenshot({ path: join(shots, `${name}.png`), fullPage: true });
  const signInHeading = () => page.getByRole('heading', { level: 1, name: 'Sign in to Hearth' });
  const nav = () => page.getByRole('navigation', { name: 'Sections' });
  const storage = () =>
    page.evaluate(
      (key) => ({ session: sessionStorage.getItem(key), local: localStorage.length }),
      SESSION_KEY,
    );
  const connectionStatus = () => page.locator('[data-status]');

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('without a token the panel asks for one', async () => {
    await page.goto(`${base}/`);
    await signInHeading().waitFor(WAIT);
    assert.equal(await page.getByLabel('Token').isVisible(), true);
    assert.equal(await nav().count(), 0, 'no navigation before signing in');
    await shoot('1-sign-in-desktop');
  });

  test('a wrong token shows what to do and stays on the prompt', async () => {
    await consoleWatch.expecting(/status of 401/, async () => {
      await page.getByLabel('Token').fill('not-the-right-token');
      await page.getByRole('button', { name: 'Sign in' }).click();
      const alert = page.getByRole('alert');
      await alert.waitFor(WAIT);
      const text = await alert.innerText();
      assert.match(text, /That token was not accepted/);
      assert.match(text, /npm run hub -- reset-admin-token/);
    });
    assert.equal(await signInHeading().isVisible(), true);
    assert.equal((await storage()).session, null, 'a rejected token is not kept');
    await shoot('2-wrong-token');

    // The same through the URL fragment; the fragment is removed either way.
    await consoleWatch.expecting(/status of 401/, async () => {
      await page.goto(`${base}/#token=also-wrong`);
      await page.getByRole('alert').waitFor(WAIT);
    });
    assert.equal(new URL(page.url()).hash, '');
    assert.equal(await signInHeading().isVisible(), true);
  });

  test('#token= signs in, leaves the address bar and shows the hub', async () => {
    const info = (await (await fetch(`${base}/api/v1/info`)).json()) as {
      name: string;
      version: string;
    };
    // From another page, so this is a fresh load (the wrong-token case above covered a
    // fragment change in an open panel).
    await page.goto('about:blank');
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await nav().waitFor(WAIT);
    assert.equal(page.url(), `${base}/`, 'the token fragment is gone from the URL');
    assert.ok(!(await page.evaluate(() => history.state as unknown)), 'no token in history state');

    await page.getByRole('heading', { level: 2, name: info.name }).waitFor(WAIT);
    const facts = await readFacts(page);
    assert.equal(facts.get('Version'), info.version);
    assert.equal(facts.get('MQTT'), String(hub.ready.mqtt));
    assert.equal(facts.get('MQTT over WebSocket'), String(hub.ready.ws));
    assert.equal(facts.get('HTTP (panel and API)'), String(hub.ready.http));
    assert.match(facts.get('Broker') ?? '', /Embedded/);
    assert.match(facts.get('Uptime') ?? '', /\d+ (s|min|h|d)/);
    assert.match(await page.getByRole('region', { name: /Warnings/ }).innerText(), /No warnings/);

    await page.locator('[data-status="connected"]').waitFor(WAIT);
    assert.match(await connectionStatus().innerText(), /Connected$/);
    // The tab keeps a session token of its own, never the admin token it was opened with.
    const kept = await storage();
    assert.equal(kept.local, 0, 'not remembered: nothing in localStorage');
    assert.match(kept.session ?? '', /^[A-Za-z0-9_-]{43}$/);
    assert.notEqual(kept.session, hub.adminToken);
    await shoot('3-home-desktop');
  });

  test('each section shows its empty state', async () => {
    for (const section of SECTIONS) {
      await nav().getByRole('link', { name: section.label }).click();
      await page.getByRole('heading', { level: 1, name: section.label }).waitFor(WAIT);
      assert.equal(
        await nav().getByRole('link', { name: section.label }).getAttribute('aria-current'),
        'page',
      );
      if (section.title && section.mentions) {
        const region = page.getByRole('region', { name: section.title });
        assert.equal(await region.getByRole('heading', { level: 2 }).innerText(), section.title);
        assert.ok(
          (await region.innerText()).includes(section.mentions),
          `${section.label} explains`,
        );
      }
      assert.equal(new URL(page.url()).hash, `#/${section.label.toLowerCase()}`);
    }
    await shoot('4-settings-desktop');
    await nav().getByRole('link', { name: 'Devices' }).click();
    await shoot('4-devices-desktop');
  });

  test('a reload keeps the session for this tab only', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Devices' }).waitFor(WAIT);
    await page.locator('[data-status="connected"]').waitFor(WAIT);
    assert.equal(await signInHeading().count(), 0);

    // A new tab in a new browser session starts signed out: nothing is kept beyond the tab.
    const other = await browser.newContext();
    try {
      const fresh = await other.newPage();
      await fresh.goto(`${base}/`);
      await fresh.getByRole('heading', { level: 1, name: 'Sign in to Hearth' }).waitFor(WAIT);
    } finally {
      await other.close();
    }
  });

  test('works at phone width', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await nav().getByRole('link', { name: 'Home' }).click();
    await page.getByRole('heading', { level: 1, name: 'Home' }).waitFor(WAIT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0, 'no sideways scrolling of the page');
    assert.equal(await page.getByRole('button', { name: 'Sign out' }).isVisible(), true);
    await shoot('5-home-phone');
    await nav().getByRole('link', { name: 'Devices' }).click();
    await shoot('5-devices-phone');
    await page.emulateMedia({ colorScheme: 'dark' });
    await shoot('5-devices-phone-dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  test('sign-out returns to the prompt, forgets the session and revokes it on the hub', async () => {
    const session = (await storage()).session!;
    await page.getByRole('button', { name: 'Sign out' }).click();
    await signInHeading().waitFor(WAIT);
    // The form is back once the hub has answered the sign-out (until then it says "Checking").
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    assert.deepEqual(await storage(), { session: null, local: 0 });
    const after = await fetch(`${base}/api/v1/devices`, {
      headers: { authorization: `Bearer ${session}` },
    });
    assert.equal(after.status, 401, 'the session token no longer works anywhere');
    await shoot('6-signed-out-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('the indicator follows the hub going away and coming back', async () => {
    // Sign in by typing the token this time.
    await page.getByLabel('Token').fill(hub.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('[data-status="connected"]').waitFor(WAIT);
    await nav().getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor(WAIT);
    const { dataDir } = hub;
    const port = hub.ready.http;
    const unreachable = page.getByRole('alert').filter({ hasText: /The hub could not be reached/ });

    await consoleWatch.expecting(
      /ERR_CONNECTION_REFUSED|ERR_EMPTY_RESPONSE|ERR_INCOMPLETE_CHUNKED_ENCODING|Failed to load resource/,
      async () => {
        assert.equal(await hub.stop(), 0);
        await page.locator('[data-status="reconnecting"], [data-status="offline"]').waitFor(WAIT);
        // Something tried while the hub is away fails, and says why.
        await page.getByRole('button', { name: 'Make a pairing code' }).click();
        await unreachable.first().waitFor(WAIT);
        await shoot('7-reconnecting');
        // A damaged backup makes the restarted hub raise a warning, which the panel must pick up
        // when it reconnects (getStatus is fetched again).
        writeFileSync(join(dataDir, 'state.json.bak'), '{ this is not json');
        hub = await startHubProcess({ dataDir, extraArgs: ['--http-port', String(port)] });
        await page.locator('[data-status="connected"]').waitFor(WAIT);
      },
    );
    // The hub is back: the notice about not reaching it does not stay up under "Connected".
    await unreachable.first().waitFor({ state: 'detached', ...WAIT });
    await nav().getByRole('link', { name: 'Home' }).click();
    // Worded from its code, which itself is never shown.
    const warning = page.locator('.warning[data-code="state_backup_corrupt"]');
    await warning.getByText(/spare copy of the hub’s settings was damaged/).waitFor(WAIT);
    assert.doesNotMatch(await warning.innerText(), /state_backup_corrupt/);
    await shoot('7-reconnected-with-warning');
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});

async function readFacts(page: Page): Promise<Map<string, string>> {
  const pairs = await page
    .locator('.fact')
    .evaluateAll((nodes) =>
      nodes.map((node) => [
        node.querySelector('dt')?.textContent ?? '',
        node.querySelector('dd')?.textContent ?? '',
      ]),
    );
  return new Map(pairs as [string, string][]);
}
