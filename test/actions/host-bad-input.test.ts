// The "Bad input" list, each against the real action host process (Node's permission
// model, a 1 s budget, a 64 MB cap): refused or contained with a clear error, the next call
// runs normally, and the hub's state file is unchanged.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const BAD = `
import { Worker } from 'node:worker_threads';
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
export async function writestate(message) {
  const fs = await import('node:fs');
  fs.writeFileSync(message.args[0], '{}');
  return 'written';
}
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
export function latelog(message, hub) { setTimeout(() => hub.log('after the call'), 20); return 'done'; }
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

  test('while(true){} is stopped at its budget and the host restarts', async () => {
    const restarts = fx.running.host.restarts;
    const started = Date.now();
    await failsWith('spin', /"spin" \(bad\.mjs\) ran longer than 1000 ms and was stopped/);
    // Safety bound only (budget + restart + margin), not a speed assertion.
    assert.ok(Date.now() - started < 10_000);
    assert.equal(fx.running.host.restarts, restarts + 1);
  });

  test('a microtask loop is stopped too', async () => {
    await failsWith('microtasks', /ran longer than 1000 ms/);
  });

  test('an array growing until memory runs out is stopped', async () => {
    await failsWith('flood', /ran out of memory \(cap 64 MB\)|ran longer than/);
  });

  test('throw and a stack overflow come back as errors', async () => {
    await failsWith('fail', /Error: on purpose/);
    await failsWith('deep', /RangeError: Maximum call stack size exceeded/);
  });

  test('an unhandled rejection is reported and does not end the host', async () => {
    const restarts = fx.running.host.restarts;
    assert.equal(await fx.run('unhandled'), 'returned');
    await waitFor(() => fx.problems.some((line) => line.includes('nobody listens')));
    assert.equal(await fx.run('hi', ['still']), 'hi still');
    assert.equal(fx.running.host.restarts, restarts);
  });

  test('process.exit(1) is refused inside the action', async () => {
    await failsWith('quit', /process\.exit is not allowed in an action/);
  });

  test('reading or writing the hub state file is refused', async () => {
    const state = path.join(fx.dataDir, 'state.json');
    await failsWith('readstate', /Access to this API has been restricted|ERR_ACCESS_DENIED/, [
      state,
    ]);
    await failsWith('writestate', /Access to this API has been restricted|ERR_ACCESS_DENIED/, [
      state,
    ]);
    await failsWith('requirefs', /ReferenceError: require is not defined/);
  });

  test('child processes and workers are refused', async () => {
    await failsWith('exec', /Access to this API has been restricted|ERR_ACCESS_DENIED/);
    await failsWith(
      'worker',
      /Access to this API has been restricted|ERR_ACCESS_DENIED|code generation/i,
    );
  });

  test('the environment is empty: no token, no secret', async () => {
    assert.equal(await fx.run('env'), '{}');
  });

  test('the Function-constructor escape gets nothing', async () => {
    await failsWith('escape', /TypeError/);
    await failsWith('escape2', /EvalError: Code generation from strings disallowed/);
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

  test('a killed host restarts (with back-off) and serves the next call', async () => {
    const pid = fx.running.host.pid;
    assert.ok(pid);
    process.kill(pid, 'SIGKILL');
    await waitFor(() => fx.running.host.pid !== pid);
    assert.equal(await fx.run('hi', ['reborn']), 'hi reborn');
    assert.notEqual(fx.running.host.pid, pid);
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

async function waitFor(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const until = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > until) throw new Error('timed out waiting');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
