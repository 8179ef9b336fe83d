// The three example files in docs/actions.md, taken from the page as written and run in the
// real action sandbox, so the docs cannot drift from what works.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, before, describe, test } from 'node:test';
import type { Caller } from '../../src-main/hub/actions/action-types.js';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const DEVICE: Caller = { kind: 'device', deviceId: 'cam1', stage: 'approved', address: '::1' };

function examples(): Record<string, string> {
  const doc = fs.readFileSync('docs/actions.md', 'utf8');
  const found: Record<string, string> = {};
  for (const match of doc.matchAll(/### `([a-z-]+\.mjs)`[\s\S]*?```js\n([\s\S]*?)```/g)) {
    found[match[1]!] = match[2]!;
  }
  return found;
}

let fx: ActionFixture;
before(async () => {
  fx = await startActionFixture(examples());
});
after(async () => {
  await fx?.close();
});

describe('docs/actions.md examples', () => {
  test('all three load', () => {
    assert.deepEqual(
      fx.running.files.status().map((entry) => [entry.file, entry.status, entry.actions]),
      [
        ['counter.mjs', 'loaded', ['count']],
        ['greeting.mjs', 'loaded', ['hello']],
        ['night-watch.mjs', 'loaded', ['night_watch']],
      ],
    );
  });

  test('the greeting replies', async () => {
    assert.equal(await fx.run('hello', ['Ann']), 'Hello, Ann!');
    assert.equal(await fx.run('hello', [], DEVICE), 'Hello, cam1!');
  });

  test('the night watch runs (no locks registered: nothing to lock, or daytime)', async () => {
    const reply = await fx.run('night_watch', [], DEVICE);
    assert.ok(reply === null || reply === '0 of 0 locked', String(reply));
  });

  test('the counter counts with the store', async () => {
    assert.equal(await fx.run('count'), '1');
    assert.equal(await fx.run('count'), '2');
  });
});
