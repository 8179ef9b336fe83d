// Action files importing each other (`./name.mjs`, the only imports the sandbox allows): a file
// is reloaded when a file it imports changes or appears, and a file that stays broken is
// reported once, not at every folder event.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

let fx: ActionFixture;
before(async () => {
  fx = await startActionFixture({
    'lib.mjs': 'export const value = 1;',
    'user.mjs': "import { value } from './lib.mjs';\nexport function uses() { return value; }",
    'needs.mjs': "import { later } from './later.mjs';\nexport function needs() { return later; }",
  });
});
after(async () => {
  await fx?.close();
});

const statusOf = (file: string) => fx.running.files.status().find((entry) => entry.file === file);

async function waitFor(check: () => Promise<boolean> | boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('imports between action files', () => {
  test('an import resolves to the other file', async () => {
    assert.equal(await fx.run('uses'), '1');
  });

  test('a file is reloaded when a file it imports changes', async () => {
    fx.write('lib.mjs', 'export const value = 2;');
    await waitFor(async () => (await fx.run('uses').catch(() => null)) === '2');
  });

  test('a file importing one that is missing is invalid, and loads once it appears', async () => {
    assert.equal(statusOf('needs.mjs')?.status, 'invalid');
    assert.match(statusOf('needs.mjs')?.error ?? '', /cannot import "\.\/later\.mjs"/);
    fx.write('later.mjs', "export const later = 'here';");
    await waitFor(() => statusOf('needs.mjs')?.status === 'loaded');
    assert.equal(await fx.run('needs'), 'here');
  });

  test('a broken file is reported once, however often the folder is synced', async () => {
    fx.write('broken.mjs', 'export function broken( {');
    await waitFor(() => statusOf('broken.mjs')?.status === 'invalid');
    for (let i = 0; i < 5; i++) await fx.running.files.sync();
    const reports = fx.problems.filter((line) => line.includes('broken.mjs: SyntaxError'));
    assert.equal(reports.length, 1, reports.join('\n'));
  });
});
