// The action limits are settings the owner changes while the hub runs: a new time budget
// applies to the next call, a new memory cap restarts the sandbox (its heap's ceiling is fixed
// when its worker starts) and then applies, and the largest cap the settings allow still
// starts (the engine's own ceiling of 2 GiB is taken instead).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { ActionLimits } from '../../src-main/hub/actions/files/start-action-files.js';
import { startActionFixture, type ActionFixture } from './action-fixture.js';

const FILE = `
let calls = 0;
export function hi() { calls += 1; return 'hi ' + calls; }
export function spin() { while (true) {} }
export function grow() {
  const parts = [];
  for (let i = 0; i < 100; i++) parts.push(String(i).padEnd(1 << 20, 'x'));
  return parts.join('').length;
}
`;

const limits: ActionLimits = { callTimeoutMs: 1000, memoryMb: 16 };
let fx: ActionFixture;
before(async () => {
  fx = await startActionFixture({ 'limits.mjs': FILE }, { limits });
});
after(async () => {
  await fx?.close();
});

describe('action limits as settings', () => {
  test('the memory cap in force is the one the sandbox reports', async () => {
    await assert.rejects(fx.run('grow'), /"grow" \(limits\.mjs\) ran out of memory \(cap 16 MB\)/);
    assert.equal(await fx.run('hi'), 'hi 1');
  });

  test('a new time budget applies to the very next call', async () => {
    limits.callTimeoutMs = 200;
    await assert.rejects(
      fx.run('spin'),
      /"spin" \(limits\.mjs\) ran longer than 200 ms and was stopped/,
    );
    limits.callTimeoutMs = 1000;
  });

  test('a new memory cap restarts the sandbox, which loads the file again', async () => {
    const thread = fx.running.host.threadId;
    limits.memoryMb = 48;
    assert.equal(await fx.run('hi'), 'hi 1');
    assert.notEqual(fx.running.host.threadId, thread);
    // Not a crash: no back-off, not counted as a restart.
    assert.equal(fx.running.host.restarts, 0);
    await assert.rejects(fx.run('grow'), /ran out of memory \(cap 48 MB\)/);
  });

  test('the largest cap the settings allow still starts the sandbox', async () => {
    limits.memoryMb = 4096;
    assert.equal(await fx.run('hi'), 'hi 1');
    assert.equal(fx.running.files.status()[0]?.status, 'loaded');
  });
});
