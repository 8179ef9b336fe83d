// A hub that was not running (the computer slept, the process was frozen) says so: how long and
// from when to when, as a warning the panel shows and the activity history keeps. Here the
// hub's own event loop is frozen for 3 s (Atomics.wait), which is what a sleep looks like from
// inside the process; the threshold is lowered to 1.5 s for the test.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startHub, type Hub } from '../../src-main/hub/hub.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { api, delay } from '../helpers/devices.js';
import { makeTempDir, removeDir, TEST_ADMIN_TOKEN } from '../helpers/hub-process.js';

let hub: Hub;
let dataDir: string;
let base: string;
before(async () => {
  dataDir = makeTempDir();
  hub = await startHub({
    dataDir,
    host: '127.0.0.1',
    mqttPort: 0,
    wsPort: 0,
    httpPort: 0,
    adminToken: TEST_ADMIN_TOKEN,
    awayThresholdMs: 1_500,
    log: silentLogger,
  });
  base = `http://127.0.0.1:${hub.info.ports.http}`;
});
after(async () => {
  await hub.stop();
  removeDir(dataDir);
});

const awayWarnings = async () =>
  (
    (await api(base, TEST_ADMIN_TOKEN, 'GET', '/api/v1/status')).body.warnings as Array<{
      code: string;
      message: string;
    }>
  ).filter((warning) => warning.code === 'hub_was_away');

test('running normally: no "away" warning', async () => {
  await delay(2_500);
  assert.deepEqual(await awayWarnings(), []);
});

test('frozen for 3 s: a warning says it was not running, for how long and when', async () => {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3_000);
  let warnings = await awayWarnings();
  for (let i = 0; i < 30 && warnings.length === 0; i++) {
    await delay(100);
    warnings = await awayWarnings();
  }
  assert.equal(warnings.length, 1, 'one warning');
  assert.match(
    warnings[0]!.message,
    /^Hearth was not running for [34] s \(\d\d:\d\d:\d\d–\d\d:\d\d:\d\d UTC; /,
  );
  const history = (await api(base, TEST_ADMIN_TOKEN, 'GET', '/api/v1/activity')).body
    .entries as Array<{
    kind: string;
    message: string;
  }>;
  assert.ok(
    history.some((entry) => entry.message.startsWith('Hearth was not running')),
    'kept in the activity history',
  );
});
