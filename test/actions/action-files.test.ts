// Action files from disk: names, parameters, non-functions, the devices list, clashes with
// built-ins, invalid files, paths outside the folder, size cap, and reloading on change.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { MAX_ACTION_FILE_BYTES } from '../../src-main/hub/actions/files/action-folder.js';
import { mayRun } from '../../src-main/hub/actions/permissions.js';
import type { Caller } from '../../src-main/hub/actions/action-types.js';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const DEVICE: Caller = {
  kind: 'device',
  deviceId: 'cam1',
  stage: 'approved',
  address: '127.0.0.1',
};

let fx: ActionFixture;
let outside: string;
before(async () => {
  outside = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-outside-'));
  fs.writeFileSync(path.join(outside, 'evil.mjs'), 'export function evil() { return "evil"; }');
  fx = await startActionFixture({
    'greet.mjs': `
      export function greet(message) { return 'hello ' + (message.args[0] ?? 'you'); }
      export function three(a, b, c) { return 'never'; }
      export const answer = 42;
      export function ping() { return 'not the built-in'; }
      export function CamelCase() { return 'x'; }
      export function renamed() { return 'by actionName'; }
      renamed.actionName = 'other_name';
      export default function () { return 'anonymous'; }
      export const devices = ['greet', 'nosuch'];
    `,
    'broken.mjs': 'export function broken( { return 1; }',
    'big.mjs': `export const x = "${'a'.repeat(MAX_ACTION_FILE_BYTES)}";`,
    'second.js': `export function greet() { return 'second'; }\nexport function plain() { return 'plain js'; }`,
    'notes.txt': 'ignored',
  });
  fs.symlinkSync(path.join(outside, 'evil.mjs'), path.join(fx.actionsDir, 'link.mjs'));
  await fx.running.files.sync();
});
after(async () => {
  await fx?.close();
  fs.rmSync(outside, { recursive: true, force: true });
});

const statusOf = (file: string) => fx.running.files.status().find((entry) => entry.file === file);
const reasonFor = (file: string, name: string) =>
  statusOf(file)?.skipped.find((skip) => skip.export === name)?.reason ?? '';

describe('action files', () => {
  test('each exported function is an action named after its export (or its actionName)', async () => {
    assert.equal(await fx.run('greet', ['Ann']), 'hello Ann');
    assert.equal(await fx.run('other_name'), 'by actionName');
    assert.equal(await fx.run('plain'), 'plain js');
    assert.deepEqual(statusOf('greet.mjs')?.actions.sort(), ['greet', 'other_name']);
  });

  test('more than two parameters is refused with a reason', () => {
    assert.equal(fx.catalog.get('three'), undefined);
    assert.match(reasonFor('greet.mjs', 'three'), /takes 3 parameters; an action takes at most 2/);
  });

  test('non-functions are ignored and reported; bad names and nameless defaults too', () => {
    assert.match(reasonFor('greet.mjs', 'answer'), /not a function \(number\); ignored/);
    assert.match(reasonFor('greet.mjs', 'CamelCase'), /not an action name/);
    assert.match(reasonFor('greet.mjs', 'default'), /a default export needs a name/);
    assert.ok(fx.problems.some((line) => line.includes('answer')));
  });

  test('the built-in wins a name clash, reported; the first file wins between files', async () => {
    assert.equal(await fx.run('ping'), 'pong');
    assert.match(reasonFor('greet.mjs', 'ping'), /is a built-in action; the built-in wins/);
    assert.match(reasonFor('second.js', 'greet'), /already an action of greet\.mjs/);
  });

  test('devices may run only the actions their file lists', () => {
    assert.equal(mayRun(fx.catalog.get('greet')!, DEVICE), true);
    assert.equal(mayRun(fx.catalog.get('plain')!, DEVICE), false);
    assert.match(reasonFor('greet.mjs', 'devices'), /"nosuch", which is not an action/);
  });

  test('a syntax error marks the file invalid with its error; the hub keeps going', () => {
    assert.equal(statusOf('broken.mjs')?.status, 'invalid');
    assert.match(statusOf('broken.mjs')?.error ?? '', /SyntaxError/);
  });

  test('a file over the size cap, or a symlink out of the folder, is refused', () => {
    assert.match(statusOf('big.mjs')?.error ?? '', /an action file is at most 262144/);
    assert.match(statusOf('link.mjs')?.error ?? '', /points outside the actions folder; refused/);
    assert.equal(fx.catalog.get('evil'), undefined);
    assert.equal(statusOf('notes.txt'), undefined);
  });

  test('a changed file is reloaded by the folder watch', async () => {
    fx.write('fresh.mjs', 'export function fresh() { return "v1"; }');
    await waitFor(async () => (await fx.run('fresh').catch(() => null)) === 'v1');
    fx.write('fresh.mjs', 'export function fresh() { return "v2"; }');
    await waitFor(async () => (await fx.run('fresh').catch(() => null)) === 'v2');
  });

  test('a file that breaks keeps its working actions; a removed file takes them away', async () => {
    fx.write('fresh.mjs', 'export function fresh( {');
    await waitFor(async () => statusOf('fresh.mjs')?.status === 'invalid');
    assert.equal(await fx.run('fresh'), 'v2');
    assert.equal(await fx.run('greet'), 'hello you');
    fs.rmSync(path.join(fx.actionsDir, 'fresh.mjs'));
    await waitFor(async () => fx.catalog.get('fresh') === undefined);
  });

  test('a loop at the top of a file is stopped and marks the file invalid', async () => {
    fx.write('toplevel.mjs', 'while (true) {}\nexport function never() {}');
    await waitFor(async () => statusOf('toplevel.mjs')?.status === 'invalid', 10_000);
    assert.match(
      statusOf('toplevel.mjs')?.error ?? '',
      /loading toplevel\.mjs ran longer than 1000 ms/,
    );
    assert.equal(await fx.run('greet', ['again']), 'hello again');
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
