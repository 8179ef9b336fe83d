// Sign-in that fits a home (contract section 1, issue 19), in real Chromium with a real
// profile folder: "Remember this computer" keeps this browser signed in across new tabs and a
// browser restart with a session of its own, listed under Settings → Tokens as this browser,
// until it is revoked; without it, new tabs share the visit while one is open and a restart
// asks again; `#token=` still signs in in one step.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { BrowserContext, Page } from 'playwright-core';
import { api } from '../helpers/devices.js';
import { startHubProcess, type HubProcess } from '../helpers/hub-process.js';
import { ConsoleWatcher, launchChromiumProfile } from './chromium.js';
import { PANEL_INDEX, WAIT } from './panel-fixture.js';

interface TokenView {
  id: string;
  name: string;
  kind: string;
  remember: boolean;
  lastUsedAt: string | null;
}

describe('browser sessions', () => {
  let hub: HubProcess;
  let base: string;
  const profiles: string[] = [];
  const open: BrowserContext[] = [];
  const watchers: ConsoleWatcher[] = [];

  const newProfile = () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-e2e-profile-'));
    profiles.push(dir);
    return dir;
  };
  const launch = async (profile: string) => {
    const context = await launchChromiumProfile(profile);
    open.push(context);
    return context;
  };
  const close = async (context: BrowserContext) => {
    open.splice(open.indexOf(context), 1);
    await context.close();
  };
  const panel = async (context: BrowserContext, hash = ''): Promise<Page> => {
    const page = context.pages()[0] ?? (await context.newPage());
    watchers.push(new ConsoleWatcher(page));
    await page.goto(`${base}/${hash}`);
    return page;
  };
  const signedIn = (page: Page) => page.locator('[data-status="connected"]').waitFor(WAIT);
  const signInPrompt = (page: Page) =>
    page.getByRole('heading', { level: 1, name: 'Sign in to Hearth' }).waitFor(WAIT);
  const sessions = async (): Promise<TokenView[]> =>
    ((await api(base, hub.adminToken, 'GET', '/api/v1/tokens')).body.tokens as TokenView[]).filter(
      (token) => token.kind === 'session',
    );
  const stored = (page: Page) =>
    page.evaluate(() => ({
      local: localStorage.getItem('hearth.session'),
      tab: sessionStorage.getItem('hearth.session'),
    }));

  before(async () => {
    assert.ok(existsSync(PANEL_INDEX), `${PANEL_INDEX} is missing: run "npm run build" first`);
    hub = await startHubProcess();
    base = `http://127.0.0.1:${hub.ready.http}`;
  });

  after(async () => {
    for (const context of open) await context.close();
    await hub?.stop();
    if (hub) rmSync(hub.dataDir, { recursive: true, force: true });
    for (const dir of profiles) rmSync(dir, { recursive: true, force: true });
    for (const watcher of watchers) assert.deepEqual(watcher.problems(), []);
  });

  test('a remembered session survives a new tab and a browser restart, shows as this browser, and ends when revoked', async () => {
    const profile = newProfile();
    let browser = await launch(profile);
    let page = await panel(browser);
    await signInPrompt(page);
    await page.getByLabel('Token').fill(hub.adminToken);
    await page.getByLabel('Remember this computer').check();
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedIn(page);

    const kept = await stored(page);
    assert.match(kept.local ?? '', /^[A-Za-z0-9_-]{43}$/, 'kept on this browser');
    assert.notEqual(kept.local, hub.adminToken, 'a session token, never the admin token');
    assert.equal(kept.tab, null);
    const [session] = await sessions();
    assert.equal(session?.name, 'Chrome on Linux');
    assert.equal(session?.remember, true);

    // A new tab of the same browser is signed in without asking.
    const tab = await browser.newPage();
    watchers.push(new ConsoleWatcher(tab));
    await tab.goto(`${base}/#/settings`);
    await signedIn(tab);
    const row = tab.getByRole('row', { name: /This browser/ });
    await row.waitFor(WAIT);
    const rowText = await row.innerText();
    assert.match(rowText, /Chrome on Linux/);
    assert.match(rowText, /Browser, remembered/);
    assert.doesNotMatch(rowText, /never/, '"last used" is kept current');
    assert.equal(await row.getByRole('button', { name: 'Sign out' }).count(), 1);
    const adminRow = tab.getByRole('row', { name: /Admin token/ });
    assert.doesNotMatch(await adminRow.innerText(), /never/, 'the admin token was used to sign in');

    // The browser is closed and started again: still signed in, with the same session.
    await close(browser);
    browser = await launch(profile);
    page = await panel(browser);
    await signedIn(page);
    assert.equal((await stored(page)).local, kept.local);
    assert.deepEqual(
      (await sessions()).map((one) => one.id),
      [session!.id],
      'no second session was made',
    );

    // The owner revokes it from elsewhere: this browser is signed out at once and says why.
    const watcher = watchers.at(-1)!;
    await watcher.expecting(/status of 401/, async () => {
      const revoked = await api(base, hub.adminToken, 'DELETE', `/api/v1/tokens/${session!.id}`);
      assert.equal(revoked.status, 200);
      await signInPrompt(page);
      assert.match(await page.getByRole('alert').innerText(), /This browser was signed out/);
    });
    assert.deepEqual(await stored(page), { local: null, tab: null }, 'nothing left behind');
    await page.reload();
    await signInPrompt(page);
    await close(browser);
  });

  test('without "Remember this computer" new tabs share the visit, a browser restart asks again, and the visit is listed as one', async () => {
    const profile = newProfile();
    let browser = await launch(profile);
    let page = await panel(browser);
    await signInPrompt(page);
    await page.getByLabel('Token').fill(hub.adminToken);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await signedIn(page);
    const kept = await stored(page);
    assert.equal(kept.local, null, 'nothing kept beyond the tab');
    assert.match(kept.tab ?? '', /^[A-Za-z0-9_-]{43}$/);
    await page.reload();
    await signedIn(page);

    await page.goto(`${base}/#/settings`);
    const row = page.getByRole('row', { name: /This browser/ });
    assert.match(await row.innerText(), /Browser, this visit/);

    // While this tab is open, a new tab of the same browser shares its sign-in.
    const tab = await browser.newPage();
    watchers.push(new ConsoleWatcher(tab));
    await tab.goto(`${base}/`);
    await signedIn(tab);
    assert.deepEqual(await stored(tab), kept, 'the same session, kept for the visit only');
    assert.equal((await sessions()).length, 1, 'no second session was made');
    await tab.close();

    await close(browser);
    browser = await launch(profile);
    page = await panel(browser);
    await signInPrompt(page);
    await close(browser);
  });

  test('#token= signs in in one step and signing out revokes that session', async () => {
    const browser = await launch(newProfile());
    const before = (await sessions()).length;
    const page = await panel(browser, `#token=${encodeURIComponent(hub.adminToken)}`);
    await signedIn(page);
    assert.equal(new URL(page.url()).hash, '', 'the token is gone from the address bar');
    const made = (await sessions()).length;
    assert.equal(made, before + 1);
    const token = (await stored(page)).tab!;

    await page.getByRole('button', { name: 'Sign out' }).first().click();
    await signInPrompt(page);
    // The form is back once the hub has answered the sign-out (until then it says "Checking").
    await page.getByRole('button', { name: 'Sign in' }).waitFor(WAIT);
    assert.equal((await sessions()).length, before, 'signing out revoked it on the hub');
    const after = await api(base, token, 'GET', '/api/v1/devices');
    assert.equal(after.status, 401);
    await close(browser);
  });
});
