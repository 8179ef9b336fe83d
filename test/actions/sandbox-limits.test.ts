// Issue 18's bad inputs that try to exhaust the sandbox: a 100 MB string build-up, deep
// recursion, a top-level loop and a top-level await that never settles, a call awaiting
// forever, promise chains that never yield, a 10 MB reply. Each ends with its error from the
// engine (the worker thread is never replaced), the next call runs normally, another file's
// module state survives, and the hub's files are unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const GREEDY = `
export function hi() { return 'hi'; }
export function strings() {
  const parts = [];
  for (let i = 0; i < 100; i++) parts.push(String(i).padEnd(1 << 20, 'x'));
  return parts.join('').length;
}
export function repeat() { return 'x'.repeat(100 * 1024 * 1024).length; }
export function deep() { const f = (n) => f(n + 1) + 1; return f(0); }
export function deep_json() { return JSON.parse('['.repeat(200000) + ']'.repeat(200000)).length; }
export async function forever() { await new Promise(() => {}); }
export async function awaits_loop() { for (;;) await null; }
export function chain() { const f = () => { Promise.resolve().then(f); }; f(); return 'returned'; }
export function nested_chain() { const f = () => Promise.resolve().then(f); f(); return 'returned'; }
export function big_reply() { return 'x'.repeat(10 * 1024 * 1024); }
export function regex() { return /(a+)+$/.test('a'.repeat(40) + 'b'); }
`;

// Module state that must survive every failure of the other file.
const COUNTER = `let count = 0;\nexport function count_up() { count += 1; return count; }`;

let fx: ActionFixture;
let stateBefore: string;
let thread: number | undefined;

before(async () => {
  fx = await startActionFixture({
    'greedy.mjs': GREEDY,
    'counter.mjs': COUNTER,
    'tla.mjs': 'await new Promise(() => {});\nexport function never() { return 1; }',
    'toploop.mjs': 'for (;;) {}\nexport function never2() { return 1; }',
  });
  stateBefore = fx.stateHash();
  assert.equal(await fx.run('count_up'), '1');
  thread = fx.running.host.threadId;
});
after(async () => {
  await fx?.close();
});

async function failsWith(name: string, pattern: RegExp): Promise<void> {
  await assert.rejects(fx.run(name), (error: Error) => {
    assert.match(error.message, pattern, `${name}: ${error.message}`);
    return true;
  });
  assert.equal(await fx.run('hi'), 'hi', `the next call after ${name}`);
}

const statusOf = (file: string) => fx.running.files.status().find((entry) => entry.file === file);

describe('the sandbox limits (issue 18)', () => {
  test('a 100 MB string build-up is stopped by the memory cap', async () => {
    await failsWith(
      'strings',
      /"strings" \(greedy\.mjs\) ran out of memory \(cap 64 MB\) and was stopped/,
    );
    await failsWith(
      'repeat',
      /"repeat" \(greedy\.mjs\) ran out of memory \(cap 64 MB\) and was stopped/,
    );
  });

  test('deep recursion is a RangeError, in code and in a built-in', async () => {
    await failsWith('deep', /RangeError: Maximum call stack size exceeded \(greedy\.mjs:\d+:\d+\)/);
    await failsWith('deep_json', /RangeError: Maximum call stack size exceeded/);
  });

  test('a top-level loop and a top-level await that never settles mark their files invalid', () => {
    assert.equal(statusOf('toploop.mjs')?.status, 'invalid');
    assert.match(
      statusOf('toploop.mjs')?.error ?? '',
      /loading toploop\.mjs ran longer than 1000 ms and was stopped/,
    );
    assert.equal(statusOf('tla.mjs')?.status, 'invalid');
    assert.match(statusOf('tla.mjs')?.error ?? '', /its top-level await never settles/);
    assert.equal(fx.catalog.get('never'), undefined);
    assert.equal(fx.catalog.get('never2'), undefined);
  });

  test('a call awaiting what can never happen fails at once, not after a timeout', async () => {
    const started = Date.now();
    await failsWith('forever', /it awaits a promise that can never settle/);
    // Safety bound only: it must not wait for the 60 s wall ceiling.
    assert.ok(Date.now() - started < 30_000);
  });

  test('promise chains that never yield are stopped at the time budget', async () => {
    await failsWith(
      'awaits_loop',
      /"awaits_loop" \(greedy\.mjs\) ran longer than 1000 ms and was stopped/,
    );
    await failsWith('chain', /"chain" \(greedy\.mjs\) ran longer than 1000 ms and was stopped/);
  });

  test('a chain that nests without end meets the memory cap, and the file carries on', async () => {
    // Each link waits on the next, so the chain holds all of them: it ends when an allocation
    // fails inside a job (a rejection nobody observes), or at the time budget if it is slower.
    const outcome = await fx.run('nested_chain').then(
      (reply) => String(reply),
      (error: Error) => error.message,
    );
    assert.match(
      outcome,
      /^returned$|"nested_chain" \(greedy\.mjs\) ran (out of memory|longer than)/,
    );
    assert.equal(await fx.run('hi'), 'hi');
    await failsWith('strings', /ran out of memory \(cap 64 MB\)/);
  });

  test('catastrophic backtracking in a regular expression is stopped too', async () => {
    await failsWith('regex', /"regex" \(greedy\.mjs\) ran longer than 1000 ms and was stopped/);
  });

  test('a 10 MB reply is refused with its size', async () => {
    await failsWith('big_reply', /the reply is 10485760 characters; the limit is 262144/);
  });

  test('the engine made every stop: the worker is the same, and the other file kept its state', async () => {
    assert.equal(fx.running.host.threadId, thread);
    assert.equal(fx.running.host.restarts, 0);
    assert.equal(await fx.run('count_up'), '2');
  });

  test("nothing of the hub's changed", () => {
    assert.equal(fx.stateHash(), stateBefore);
    assert.equal(fs.existsSync(path.join(fx.dataDir, 'action-store.json')), false);
    assert.deepEqual(fx.published, []);
  });
});
