// The "Bad input" list (issue 6), each against the real sandbox (QuickJS in a worker
// thread, a 1 s budget, a 64 MB cap): refused or contained with a clear error, the next call
// runs normally, and the hub's state file is unchanged. Issue 18's new bad inputs are in
// sandbox-escape.test.ts and sandbox-limits.test.ts.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const BAD = `
export function hi(message) { return 'hi ' + message.args.join(' '); }
export function spin() { while (true) {} }
export function microtasks() { Promise.resolve().then(function f() { for (;;); }); return 'queued'; }
export function flood() { const all = []; for (;;) all.push(new Array(100000).fill(all.length)); }
export function fail() { throw new Error('on purpose'); }
export function unhandled() { Promise.reject(new Error('nobody listens')); return 'returned'; }
export function quit() { process.exit(1); }
export function deep() { const f = (n) => f(n + 1) + 1; return f(0); }
export async function readstate(message) {
  const fs = await import('node:fs');
  return fs.readFileSync(message.args[0], 'utf8');
}
export async function importstate() { return JSON.stringify(await import('../state.json')); }
export function requirefs() { return require('fs').readFileSync('/etc/hostname', 'utf8'); }
export async function exec() {
  const cp = await import('node:child_process');
  return cp.execSync('id').toString();
}
export function worker() { new Worker('setInterval(() => {}, 1000)', { eval: true }); return 'started'; }
export function env() { return process.env; }
export function escape() { return this.constructor.constructor('return process')().pid; }
export function escape2() { return ({}).constructor.constructor('return process')().pid; }
export function circular() { const a = {}; a.self = a; return a; }
export function bigint() { return { n: 1n }; }
export async function chatty(message, hub) { for (let i = 0; i < 2000; i++) await hub.store.get('k'); }
export function latelog(message, hub) { hub.devices().then(() => hub.log('after the call')); return 'done'; }
`;

let fx: ActionFixture;
let stateBefore: string;
before(async () => {
  fx = await startActionFixture({ 'bad.mjs': BAD });
  stateBefore = fx.stateHash();
});
after(async () => {
  await fx?.close();
});

async function failsWith(name: string, pattern: RegExp, args: string[] = []): Promise<string> {
  let message = '';
  await assert.rejects(fx.run(name, args), (error: Error) => {
    message = error.message;
    assert.match(error.message, pattern, `${name}: ${error.message}`);
    return true;
  });
  // The next message runs normally.
  assert.equal(await fx.run('hi', ['after', name]), `hi after ${name}`);
  return message;
}

describe('bad input in action code (issue 6)', () => {
  test('every export loaded', () => {
    const status = fx.running.files.status();
    assert.equal(status[0]?.status, 'loaded', JSON.stringify(status));
    assert.ok(fx.catalog.get('spin'));
  });

  test('while(true){} is stopped at its budget by the engine; the worker stays', async () => {
    const restarts = fx.running.host.restarts;
    const thread = fx.running.host.threadId;
    const started = Date.now();
    await failsWith('spin', /"spin" \(bad\.mjs\) ran longer than 1000 ms and was stopped/);
    // Safety bound only (budget + margin), not a speed assertion.
    assert.ok(Date.now() - started < 10_000);
    assert.equal(fx.running.host.restarts, restarts);
    assert.equal(fx.running.host.threadId, thread);
  });

  test('a microtask loop is stopped too', async () => {
    await failsWith('microtasks', /ran longer than 1000 ms/);
  });

  test('an array growing until memory runs out is stopped', async () => {
    await failsWith(
      'flood',
      /"flood" \(bad\.mjs\) ran out of memory \(cap 64 MB\) and was stopped/,
    );
  });

  test('throw and a stack overflow come back as errors', async () => {
    // With the file, line and column where it was thrown.
    await failsWith('fail', /^"fail" failed|Error: on purpose \(bad\.mjs:6:\d+\)/);
    await failsWith('deep', /RangeError: Maximum call stack size exceeded/);
  });

  test('an unhandled rejection does not end the sandbox', async () => {
    const restarts = fx.running.host.restarts;
    assert.equal(await fx.run('unhandled'), 'returned');
    assert.equal(await fx.run('hi', ['still']), 'hi still');
    assert.equal(fx.running.host.restarts, restarts);
  });

  test('there is no process to exit', async () => {
    await failsWith('quit', /ReferenceError: process is not defined/);
  });

  test('no file can be read: no fs module, no require, no import outside the folder', async () => {
    const state = path.join(fx.dataDir, 'state.json');
    await failsWith(
      'readstate',
      /cannot import "node:fs": an action may import only another file of the actions folder/,
      [state],
    );
    await failsWith('importstate', /cannot import "\.\.\/state\.json"/);
    await failsWith('requirefs', /ReferenceError: require is not defined/);
  });

  test('no child processes and no workers', async () => {
    await failsWith('exec', /cannot import "node:child_process"/);
    await failsWith('worker', /ReferenceError: Worker is not defined/);
  });

  test('there is no environment to read: no token, no secret', async () => {
    await failsWith('env', /ReferenceError: process is not defined/);
  });

  test('the Function-constructor escape reaches only the sandbox', async () => {
    await failsWith('escape', /TypeError/);
    await failsWith('escape2', /ReferenceError: process is not defined/);
  });

  test('a reply that cannot be stringified is an error, named', async () => {
    await failsWith('circular', /the reply cannot be converted to text/);
    await failsWith('bigint', /the reply cannot be converted to text/);
  });

  test('an action flooding the hub with calls is cut off', async () => {
    await failsWith('chatty', /at most 1000 hub calls in one action call/);
  });

  test('a log line after the call ended is not an error', async () => {
    const before = fx.problems.length;
    assert.equal(await fx.run('latelog'), 'done');
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.deepEqual(fx.problems.slice(before), []);
  });

  test('a worker ended from outside restarts (with back-off) and serves the next call', async () => {
    const thread = fx.running.host.threadId;
    const restarts = fx.running.host.restarts;
    assert.ok(thread);
    fx.running.host.terminate('ended by the test');
    assert.equal(await fx.run('hi', ['reborn']), 'hi reborn');
    assert.notEqual(fx.running.host.threadId, thread);
    assert.equal(fx.running.host.restarts, restarts + 1);
  });

  test('figures count calls and errors per action', () => {
    const spin = fx.catalog.figuresOf('spin');
    assert.equal(spin.calls, 1);
    assert.equal(spin.errors, 1);
    assert.match(spin.lastError ?? '', /ran longer/);
    assert.ok(spin.worstMs >= 1000);
    const hi = fx.catalog.figuresOf('hi');
    assert.ok(hi.calls >= 15);
    assert.equal(hi.errors, 0);
    assert.ok(hi.meanMs > 0 && hi.meanMs <= hi.worstMs);
  });

  test("the hub's state file is unchanged", () => {
    assert.equal(fx.stateHash(), stateBefore);
  });
});
