// The Actions view end to end: the built panel served by the real headless hub, in real
// Chromium. A real .mjs action file is loaded through the file input, listed, run with words
// and its reply shown; an action that throws updates the figures live (action_error); the
// file is deleted after confirming. Needs `npm run build` first.
// Screenshots go to $HEARTH_E2E_SCREENSHOTS when set (kept), else to a removed temp folder.
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { api } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromium } from './chromium.js';

const PANEL_INDEX = resolve('dist/renderer/index.html');
const WAIT = { timeout: 30_000 };
const ACTION_FILE = `// A greeting that replies, and an action that always fails.
export function greet(message) {
  return 'hello ' + (message.args.join(' ') || 'world');
}
export function broken() {
  throw new Error('broken on purpose');
}
`;

describe('Actions view in a browser', () => {
  let hub: HubProcess;
  let browser: Browser;
  let page: Page;
  let consoleWatch: ConsoleWatcher;
  let base: string;
  const keepShots = process.env.HEARTH_E2E_SCREENSHOTS;
  const shots = keepShots ?? mkdtempSync(join(tmpdir(), 'hearth-actions-shots-'));
  const work = mkdtempSync(join(tmpdir(), 'hearth-action-file-'));
  const shoot = (name: string) => page.screenshot({ path: join(shots, `${name}.png`) });
  const row = (name: string) =>
    page
      .getByRole('row')
      .filter({ has: page.getByRole('rowheader', { name: new RegExp(`^${name}`) }) });
  const files = () => page.getByRole('list', { name: 'Action files' });

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    mkdirSync(shots, { recursive: true });
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    consoleWatch = new ConsoleWatcher(page);
  });

  after(async () => {
    await browser?.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    rmSync(work, { recursive: true, force: true });
    if (!keepShots) rmSync(shots, { recursive: true, force: true });
  });

  test('the table lists the built-ins; no files yet explains actions', async () => {
    await page.goto(`${base}/#token=${encodeURIComponent(hub.adminToken)}`);
    await page.getByRole('navigation', { name: 'Sections' }).waitFor(WAIT);
    await page.getByRole('link', { name: 'Actions' }).click();
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor(WAIT);
    await row('ping').waitFor(WAIT);
    assert.match(await row('ping').innerText(), /Built-in/);
    const empty = page.getByRole('region', { name: 'No action files yet' });
    await empty.waitFor(WAIT);
    const text = await empty.innerText();
    assert.match(text, /docs\/actions\.md/);
    assert.match(text, /hearth\/action/);
    await shoot('actions-1-empty-desktop');
  });

  test('a .mjs file loads through the file input and its actions are listed', async () => {
    const path = join(work, 'greetings.mjs');
    writeFileSync(path, ACTION_FILE);
    await page.locator('input[type="file"]').setInputFiles(path);
    await files().getByText('greetings.mjs').waitFor(WAIT);
    const item = files().getByRole('listitem').filter({ hasText: 'greetings.mjs' });
    assert.match(await item.innerText(), /loaded/);
    assert.match(await item.innerText(), /Actions: (broken, greet|greet, broken)/);
    await row('greet').waitFor(WAIT);
    assert.match(await row('greet').innerText(), /greetings\.mjs/);
    const said = page.getByText(/^Loaded greetings\.mjs\./);
    assert.match(await said.innerText(), /Its actions: (broken, greet|greet, broken)\./);
  });

  test('a file with a syntax error is said to be broken, in red, with its line and column', async () => {
    const path = join(work, 'broken2.mjs');
    writeFileSync(path, 'export function fine() { return 1; }\nexport function oops( {\n');
    await page.locator('input[type="file"]').setInputFiles(path);
    const alert = page.getByRole('alert').filter({ hasText: 'broken2.mjs' });
    await alert.waitFor(WAIT);
    const text = await alert.innerText();
    assert.match(
      text,
      /broken2\.mjs could not be loaded: SyntaxError: .*\(broken2\.mjs:\d+:\d+\)\. It was saved/,
    );
    assert.doesNotMatch(text, /^Loaded/);
    const item = files().getByRole('listitem').filter({ hasText: 'broken2.mjs' });
    assert.match(await item.innerText(), /invalid/);
    // Recorded once, however many folder events follow.
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const activity = await api(base, hub.adminToken, 'GET', '/api/v1/activity?limit=200');
    const entries = JSON.stringify(activity.body).match(/broken2\.mjs: SyntaxError/g) ?? [];
    assert.equal(entries.length, 1, JSON.stringify(activity.body).slice(0, 2000));
    await item.getByRole('button', { name: 'Delete' }).click();
    await item
      .getByRole('group', { name: 'Delete broken2.mjs?' })
      .getByRole('button', { name: 'Delete' })
      .click();
    await item.waitFor({ state: 'detached', ...WAIT });
  });

  test('Run sends words and shows the reply; the figures count the call', async () => {
    await page.getByRole('button', { name: 'Run greet' }).click();
    const form = page.getByRole('region', { name: 'Run greet' });
    await form.getByLabel(/Words after/).fill('Ada Lovelace');
    await form.getByRole('button', { name: 'Run', exact: true }).click();
    const reply = form.getByRole('status');
    await reply.waitFor(WAIT);
    assert.match(await reply.innerText(), /hello Ada Lovelace/);
    await page.waitForFunction(
      () => /greet[\s\S]*\t1\t0\t/.test(document.querySelector('tbody')?.innerText ?? ''),
      undefined,
      WAIT,
    );
    await shoot('actions-2-ran-desktop');
  });

  test('a failing action shows its error and the table refreshes', async () => {
    await page.getByRole('button', { name: 'Run broken' }).click();
    const form = page.getByRole('region', { name: 'Run broken' });
    await consoleWatch.expecting(/status of 5\d\d|status of 4\d\d/, async () => {
      await form.getByRole('button', { name: 'Run', exact: true }).click();
      await form.getByRole('alert').waitFor(WAIT);
    });
    assert.match(await form.getByRole('alert').innerText(), /broken on purpose/);
    await row('broken')
      .getByText(/broken on purpose/)
      .waitFor(WAIT);
    assert.match(await row('broken').innerText(), /\t1\t1\t/);
  });

  test('works at phone width without sideways scrolling of the page', async () => {
    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { level: 1, name: 'Actions' }).waitFor(WAIT);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.equal(overflow, 0);
    await shoot('actions-3-phone');
    await page.setViewportSize({ width: 1280, height: 800 });
  });

  test('delete asks first, then removes the file and its actions', async () => {
    const item = files().getByRole('listitem').filter({ hasText: 'greetings.mjs' });
    await item.getByRole('button', { name: 'Delete' }).click();
    const confirm = item.getByRole('group', { name: 'Delete greetings.mjs?' });
    await confirm.waitFor(WAIT);
    await shoot('actions-4-confirm-delete');
    await confirm.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('region', { name: 'No action files yet' }).waitFor(WAIT);
    await row('greet').waitFor({ state: 'detached', ...WAIT });
  });

  test('no console errors along the way', () => {
    assert.deepEqual(consoleWatch.problems(), []);
  });
});
