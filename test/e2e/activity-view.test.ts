// The Activity view end to end: real hub, real Chromium, a simulated lock. The persisted
// history lists joins; the live feed shows events as they happen; the lock audit log shows who
// locked what; filters narrow the rows; CSV and JSON exports download what is shown.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { PanelFixture, WAIT } from './panel-fixture.js';

describe('Activity view in a browser', () => {
  const f = new PanelFixture();
  const tab = (name: string) => f.page.getByRole('tab', { name: new RegExp(`^${name}`) });
  const rows = () => f.page.locator('.activity-table tbody tr');
  const rowTexts = () => rows().allInnerTexts();

  before(() => f.start());
  after(() => f.stop());

  test('the history lists what the hub recorded, newest first', async () => {
    await f.lock('door1', 'Front door', { motorMs: 200 });
    await f.signIn();
    await f.page
      .getByRole('navigation', { name: 'Sections' })
      .getByRole('link', { name: 'Activity' })
      .click();
    await f.page.getByRole('heading', { level: 1, name: 'Activity' }).waitFor(WAIT);
    assert.equal(await tab('History').getAttribute('aria-selected'), 'true');
    await rows().first().waitFor(WAIT);
    const texts = await rowTexts();
    // In the family's words: the kind, the device, what happened; never a raw code.
    const approved = texts.findIndex((text) =>
      /^[^\n]*\tApproved\s+Front door \(door1\)\s+Front door was approved$/.test(text),
    );
    const asked = texts.findIndex((text) =>
      /\tAsks to join\s+Front door \(door1\)\s+Front door · [\d.]+\s+Front door asks to join$/.test(
        text,
      ),
    );
    assert.ok(approved >= 0 && asked > approved, texts.join('\n'));
  });

  test('the live feed shows events as they happen', async () => {
    await tab('Live events').click();
    assert.equal(await tab('Live events').getAttribute('aria-selected'), 'true');
    assert.equal((await f.call('POST', '/api/v1/permit-join', { seconds: 30 })).status, 200);
    await f.page
      .locator('.activity-table tbody tr', { hasText: 'Devices may join' })
      .first()
      .waitFor(WAIT);
    assert.match((await rowTexts())[0]!, /Joining[\s\S]*Devices may join for 30 s/);
    // The keyboard moves between the tabs.
    await tab('Live events').focus();
    await f.page.keyboard.press('ArrowRight');
    assert.equal(await tab('History').getAttribute('aria-selected'), 'true');
    await f.page
      .locator('.activity-table tbody tr', { hasText: 'Devices may join for 30 s' })
      .first()
      .waitFor(WAIT);
  });

  test('the lock audit log shows each command, who sent it and how it went', async () => {
    assert.equal((await f.call('POST', '/api/v1/devices/door1/unlock')).status, 200);
    assert.equal((await f.call('POST', '/api/v1/devices/door1/lock')).status, 200);
    await tab('Lock audit log').click();
    await f.page.waitForFunction(
      () => document.querySelectorAll('.activity-table tbody tr').length >= 2,
      undefined,
      WAIT,
    );
    const [newest, older] = await rowTexts();
    // Who asked in the family's words (the admin token is the owner), never the transport.
    assert.match(newest!, /\tLock\s+Front door \(door1\)\s+the owner\s+Done: Locked \(\d+ ms\)$/);
    assert.match(
      older!,
      /\tUnlock\s+Front door \(door1\)\s+the owner\s+Done: Unlocked \(\d+ ms\)$/,
    );
    for (const text of [newest!, older!]) assert.doesNotMatch(text, /http|token/);
    await f.shoot('activity-audit-desktop');
  });

  test('filters narrow the rows by kind, device and text', async () => {
    await tab('History').click();
    await rows().first().waitFor(WAIT);
    const total = await rows().count();
    await f.page.getByLabel('Kind', { exact: true }).selectOption('device_pending');
    await f.page.waitForFunction(
      (all) => document.querySelectorAll('.activity-table tbody tr').length < all,
      total,
      WAIT,
    );
    for (const text of await rowTexts()) assert.match(text, /Asks to join/);
    const options = await f.page
      .getByLabel('Kind', { exact: true })
      .locator('option')
      .allInnerTexts();
    for (const option of options) assert.doesNotMatch(option, /_/, 'no raw code offered');
    await f.page.getByLabel('Kind', { exact: true }).selectOption('');
    await f.page.getByLabel('Search', { exact: true }).fill('no such words anywhere');
    await f.page.getByText('Nothing matches these filters.').waitFor(WAIT);
    await f.page.getByLabel('Search', { exact: true }).fill('joining');
    await rows().first().waitFor(WAIT);
    for (const text of await rowTexts()) assert.match(text, /joining/i);
    await f.page.getByLabel('Device', { exact: true }).fill('door1');
    await f.page.getByText('Nothing matches these filters.').waitFor(WAIT);
    await f.page.getByLabel('Search', { exact: true }).fill('');
    await rows().first().waitFor(WAIT);
    for (const text of await rowTexts()) assert.match(text, /door1/);
    await f.shoot('activity-filtered-desktop');
  });

  test('CSV and JSON exports download exactly the rows shown', async () => {
    const shown = await rows().count();
    assert.ok(shown >= 2, `${shown} rows`);

    const [csvDownload] = await Promise.all([
      f.page.waitForEvent('download', WAIT),
      f.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    assert.match(csvDownload.suggestedFilename(), /^hearth-history-.*\.csv$/);
    const csv = readFileSync((await csvDownload.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    assert.equal(csv[0], 'at,kind,device,who,details');
    assert.equal(csv.length, shown + 1);
    assert.ok(csv.slice(1).every((line) => line.includes('door1')));

    const [jsonDownload] = await Promise.all([
      f.page.waitForEvent('download', WAIT),
      f.page.getByRole('button', { name: 'Export JSON' }).click(),
    ]);
    assert.match(jsonDownload.suggestedFilename(), /^hearth-history-.*\.json$/);
    const entries = JSON.parse(readFileSync((await jsonDownload.path())!, 'utf8')) as {
      seq: number;
      kind: string;
      actor?: string;
    }[];
    assert.equal(entries.length, shown);
    const history = (await f.call('GET', '/api/v1/activity?limit=500')).body.entries as {
      seq: number;
      actor?: string;
    }[];
    const expected = history.filter((entry) => entry.actor === 'door1').map((entry) => entry.seq);
    assert.deepEqual(
      entries.map((entry) => entry.seq),
      expected,
      'the same entries the hub keeps for door1, newest first',
    );
  });

  test('a device name that a spreadsheet would run as a formula is exported as text', async () => {
    const name = '=HYPERLINK("http://example.invalid","open")';
    await f.lock('door9', name, { motorMs: 100 });
    assert.equal((await f.call('POST', '/api/v1/devices/door9/unlock')).status, 200);
    await tab('Lock audit log').click();
    await f.page.getByLabel('Device', { exact: true }).fill('door9');
    await f.page.locator('.activity-table tbody tr', { hasText: '(door9)' }).first().waitFor(WAIT);
    assert.equal(await rows().count(), 1);
    const [csvDownload] = await Promise.all([
      f.page.waitForEvent('download', WAIT),
      f.page.getByRole('button', { name: 'Export CSV' }).click(),
    ]);
    const lines = readFileSync((await csvDownload.path())!, 'utf8')
      .trimEnd()
      .split('\r\n');
    assert.equal(lines.length, 2);
    assert.ok(
      lines[1]!.includes(`,"'=HYPERLINK(""http://example.invalid"",""open"") (door9)",`),
      lines[1],
    );
    await tab('History').click();
  });

  test('at phone width the table becomes blocks and the page does not scroll sideways', async () => {
    await f.page.getByLabel('Device', { exact: true }).fill('');
    await f.page.setViewportSize({ width: 390, height: 844 });
    assert.equal(await f.noSidewaysScroll(), 0);
    await f.shoot('activity-phone');
    await f.page.evaluate(() => (document.documentElement.dataset.theme = 'dark'));
    await f.shoot('activity-phone-dark');
    await f.page.evaluate(() => delete document.documentElement.dataset.theme);
    await f.page.setViewportSize({ width: 1280, height: 800 });
    await f.shoot('activity-history-desktop');
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
