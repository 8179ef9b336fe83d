// A lock reporting a low battery raises `low_battery` for that lock (the panel's warnings, the
// webhook and the desktop notification all show it); a new battery clears it.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import { call, startLockHub, waitFor } from '../locks/lock-fixture.js';
import { confirm, joinLock, type TestLock } from '../locks/test-lock.js';

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'side-gate', 'Side gate', confirm());
  await lock.settle('LOCKED');
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

const batteryWarnings = async (): Promise<string[]> =>
  (
    (await call(hub, 'GET', '/api/v1/status')).body.warnings as Array<{
      code: string;
      message: string;
    }>
  )
    .filter((warning) => warning.code === 'low_battery')
    .map((warning) => warning.message);

test('12% raises one named warning, a flicker to 18% keeps it, a new battery clears it', async () => {
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 40 }));
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 12 }));
  const warned = await waitFor('the low_battery warning', async () => {
    const messages = await batteryWarnings();
    return messages.length > 0 && messages;
  });
  assert.deepEqual(warned, ["Side gate's battery is at 12%: replace it soon."]);
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 18 }));
  await waitFor('the 18% report seen', async () => {
    const device = (await call(hub, 'GET', '/api/v1/devices/side-gate')).body;
    return device.battery === 18;
  });
  assert.equal((await batteryWarnings()).length, 1, 'no clearing on a flicker');
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 100 }));
  await waitFor('cleared', async () => (await batteryWarnings()).length === 0);
});

test('a bad battery value is refused at the edge and raises nothing', async () => {
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: -5 }));
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 'low' }));
  await lock.report(JSON.stringify({ state: 'LOCKED', battery: 50 }));
  await waitFor('the good report seen', async () => {
    const device = (await call(hub, 'GET', '/api/v1/devices/side-gate')).body;
    return device.battery === 50;
  });
  assert.deepEqual(await batteryWarnings(), []);
});
