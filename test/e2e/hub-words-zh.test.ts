// Everything the hub writes, read in Chinese: a real hub makes real events, warnings and errors
// (a device asks to join and is approved, a paired phone named "Anna's phone" locks it, a setting
// raises a warning, an action file with a syntax error is uploaded, an action is refused), and
// the panel in real Chromium shows them with no English sentence and no raw code, apart from
// what they quote: device names, the phone's name, the file's name and the engine's own error.
// Needs `npm run build` first.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { assertChinese } from '../i18n/word-checks.js';
import { PanelFixture, WAIT } from './panel-fixture.js';

const PHONE = "Anna's phone";

describe('what the hub writes, in Chinese', () => {
  const f = new PanelFixture();
  const work = mkdtempSync(join(tmpdir(), 'hearth-e2e-zh-'));
  /** What may appear as it is: it is quoted, not written by the hub. */
  const quoted: Record<string, string> = {
    name: 'Front door',
    id: 'door1',
    phone: PHONE,
    file: 'broken.mjs',
  };
  const page = () => f.page;
  const rows = () => page().locator('.activity-table tbody tr');
  const tab = (name: string) => page().getByRole('tab', { name: new RegExp(`^${name}`) });

  let phoneToken = '';

  before(async () => {
    await f.start('zh-CN');
    await f.lock('door1', 'Front door', { motorMs: 200 });
    const code = (await f.call('POST', '/api/v1/pairing-codes')).body.code as string;
    const paired = await fetch(`${f.base}/api/v1/pair`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ code, name: PHONE }),
    });
    assert.equal(paired.status, 200);
    phoneToken = ((await paired.json()) as { token: string }).token;
    const allow = await f.call('PATCH', '/api/v1/settings', {
      devices: { allowWithoutSecret: true },
    });
    assert.equal(allow.status, 200, JSON.stringify(allow.body));
  });
  after(async () => {
    await f.stop();
    rmSync(work, { recursive: true, force: true });
  });

  const byPhone = async (command: 'lock' | 'unlock') => {
    const answer = await fetch(`${f.base}/api/v1/devices/door1/${command}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${phoneToken}` },
    });
    assert.equal(answer.status, 200, await answer.text());
  };

  const assertRowsChinese = async (what: string) => {
    await rows().first().waitFor(WAIT);
    const texts = await rows().allInnerTexts();
    assert.ok(texts.length > 0, `${what}: rows`);
    for (const text of texts) assertChinese(text, what, quoted);
    return texts;
  };

  test('the warning a setting raised is in Chinese on Home', async () => {
    await f.signIn();
    await page().getByRole('heading', { level: 1, name: '首页' }).waitFor(WAIT);
    const warning = page().locator('.warning[data-code="devices_without_secret"]');
    await warning.waitFor(WAIT);
    const text = await warning.innerText();
    assertChinese(text, 'the warning', quoted);
    assert.doesNotMatch(text, /devices_without_secret/);
  });

  test('an action file with a syntax error: the error is Chinese, quoting the engine', async () => {
    await page()
      .getByRole('navigation', { name: '栏目' })
      .getByRole('link', { name: '动作' })
      .click();
    await page().getByRole('heading', { level: 1, name: '动作' }).waitFor(WAIT);
    const path = join(work, 'broken.mjs');
    writeFileSync(path, 'export function fine() { return 1; }\nexport function oops( {\n');
    await page().locator('input[type="file"]').setInputFiles(path);
    const alert = page().getByRole('alert').filter({ hasText: 'broken.mjs' });
    await alert.waitFor(WAIT);
    const files = (await f.call('GET', '/api/v1/action-files')).body.files as Array<{
      file: string;
      problem: { params: { error: string } } | null;
    }>;
    const engine = files.find((file) => file.file === 'broken.mjs')?.problem?.params.error ?? '';
    assert.match(engine, /SyntaxError/);
    quoted.engine = engine;
    const text = await alert.innerText();
    assert.ok(text.includes(engine), `the engine's own words are quoted: ${text}`);
    assertChinese(text, 'the upload error', quoted);
  });

  test('an action the owner may not run says why, in Chinese', async () => {
    await page().getByRole('button', { name: '运行 hand_shake' }).click();
    const form = page().getByRole('region', { name: /运行/ });
    await f.console.expecting(/status of 422/, async () => {
      await form.getByRole('button', { name: '运行', exact: true }).click();
      await form.getByRole('alert').waitFor(WAIT);
    });
    const text = await form.getByRole('alert').innerText();
    assert.equal(text, '只有设备本身才能请求加入');
    // The built-ins' descriptions are Chinese too (command words aside).
    const descriptions = await page().locator('.cell-note').allInnerTexts();
    assert.ok(descriptions.length >= 9, descriptions.join('\n'));
    const notes = await page()
      .locator('.cell-note')
      .evaluateAll((cells) =>
        cells.map((cell) => {
          const copy = cell.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('code').forEach((code) => code.remove());
          return copy.textContent ?? '';
        }),
      );
    for (const note of notes) assertChinese(note, 'a built-in description', quoted);
  });

  test('the history: joins, the warning and the broken file, all in Chinese', async () => {
    await page()
      .getByRole('navigation', { name: '栏目' })
      .getByRole('link', { name: '动态' })
      .click();
    await page().getByRole('heading', { level: 1, name: '动态' }).waitFor(WAIT);
    await page()
      .locator('.activity-table tbody tr', { hasText: 'broken.mjs' })
      .first()
      .waitFor(WAIT);
    const texts = await assertRowsChinese('a history row');
    const all = texts.join('\n');
    assert.match(all, /Front door 请求加入/);
    assert.match(all, /Front door 已获批准/);
    assert.match(all, /旧设备可以不用密钥连接/);
    assert.match(all, /broken\.mjs 无法加载：SyntaxError/);
    const kinds = await page()
      .getByLabel('类型', { exact: true })
      .locator('option')
      .allInnerTexts();
    for (const kind of kinds) assertChinese(kind, 'a kind in the filter');
    await f.shoot('hub-words-zh-history');
  });

  test('the live feed and the audit log name Anna’s phone, never a token or a transport', async () => {
    await tab('实时事件').click();
    await byPhone('unlock');
    await byPhone('lock');
    await page().locator('.activity-table tbody tr', { hasText: PHONE }).first().waitFor(WAIT);
    const live = await assertRowsChinese('a live row');
    assert.ok(
      live.some((text) => text.includes(`${PHONE} 上锁`)),
      live.join('\n'),
    );

    await tab('门锁审计日志').click();
    await page().locator('.activity-table tbody tr', { hasText: PHONE }).first().waitFor(WAIT);
    const audit = await assertRowsChinese('an audit row');
    assert.match(
      audit[0]!,
      /上锁[\s\S]*Front door \(door1\)[\s\S]*Anna's phone[\s\S]*完成：已上锁/,
    );
    for (const text of audit) assert.doesNotMatch(text, /token|http|mqtt|tok-/i);
    await f.shoot('hub-words-zh-audit');
  });

  test('no console errors along the way', () => {
    assert.deepEqual(f.console.problems(), []);
  });
});
