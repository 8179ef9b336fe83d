// A data folder that cannot be written (issue 13): read-only (the hub runs as an unprivileged
// user whose folder loses its write permission) and full (a small tmpfs filled by another
// file, in a private mount namespace). Either way a change is refused with a clear error and
// nothing changes, the hub keeps serving, a warning says why, and once the folder is fine again
// the next change is saved and the warning goes. Needs root, like the other namespace tests.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { chmodSync, chownSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { test } from 'node:test';
import { api } from '../helpers/devices.js';
import { makeTempDir, removeDir, TEST_ADMIN_TOKEN } from '../helpers/hub-process.js';
import { runWithPrivateTmpfs } from '../helpers/private-tmpfs.js';

const NOBODY = 65534;

interface Warning {
  code: string;
  message: string;
}

function chmodTree(dir: string, writable: boolean): void {
  for (const name of readdirSync(dir)) {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) chmodTree(path, writable);
    else chmodSync(path, writable ? 0o600 : 0o400);
  }
  chmodSync(dir, writable ? 0o700 : 0o500);
}

test('read-only data folder: 507 state_not_saved, nothing changed, the hub serves on, a warning says why', async () => {
  const dataDir = makeTempDir('hearth-ro-');
  chownSync(dataDir, NOBODY, NOBODY);
  // As an unprivileged user: root ignores file permissions, a real owner's hub does not.
  const child = spawn(
    'setpriv',
    [
      `--reuid=${NOBODY}`,
      `--regid=${NOBODY}`,
      '--clear-groups',
      process.execPath,
      'dist/main/headless.js',
      ...['--data-dir', dataDir, '--host', '127.0.0.1', '--mqtt-port', '0', '--ws-port', '0'],
      ...['--http-port', '0', '--admin-token', TEST_ADMIN_TOKEN],
    ],
    {
      env: { PATH: process.env.PATH, HOME: '/tmp', HEARTH_MDNS: '0' },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  try {
    let stdout = '';
    const ready = await new Promise<{ http: number }>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no ready line')), 15_000);
      child.stdout!.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /^hearth ready (\{.*\})$/m.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(JSON.parse(match[1]!));
        }
      });
    });
    const base = `http://127.0.0.1:${ready.http}`;
    const admin = (method: string, path: string, body?: unknown) =>
      api(base, TEST_ADMIN_TOKEN, method, path, body);
    assert.equal(
      (await admin('PATCH', '/api/v1/settings', { history: { retentionDays: 100 } })).status,
      200,
    );

    chmodTree(dataDir, false);
    const refused = await admin('PATCH', '/api/v1/settings', { history: { retentionDays: 200 } });
    assert.equal(refused.status, 507, JSON.stringify(refused.body));
    assert.equal(refused.body.error.code, 'state_not_saved');
    assert.match(
      refused.body.error.message,
      /could not save its state \(EACCES: permission denied\); nothing was changed/,
    );
    assert.equal((await admin('GET', '/api/v1/settings')).body.history.retentionDays, 100);
    const warnings = (await admin('GET', '/api/v1/status')).body.warnings as Warning[];
    assert.ok(
      warnings.some((w) => w.code === 'state_not_saved'),
      JSON.stringify(warnings),
    );
    assert.equal((await fetch(`${base}/hello`)).status, 200, 'the hub serves on');

    chmodTree(dataDir, true);
    assert.equal(
      (await admin('PATCH', '/api/v1/settings', { history: { retentionDays: 300 } })).status,
      200,
    );
    const after = (await admin('GET', '/api/v1/status')).body.warnings as Warning[];
    assert.ok(!after.some((w) => w.code === 'state_not_saved'), 'the warning goes once saved');
  } finally {
    child.kill('SIGTERM');
    await new Promise((resolve) => child.once('exit', resolve));
    chmodTree(dataDir, true);
    removeDir(dataDir);
  }
});

test('full disk: 507 state_not_saved, nothing changed, no secret promised, the hub serves on; freed, it saves again', async () => {
  const dataDir = makeTempDir('hearth-full-state-');
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture's JSON report
    const report = await runWithPrivateTmpfs<any>(
      'test/fault/fixtures/full-disk-hub.ts',
      dataDir,
      8,
    );
    assert.equal(report.before, 200);
    assert.equal(report.refused.status, 507, JSON.stringify(report.refused));
    assert.equal(report.refused.body.error.code, 'state_not_saved');
    assert.match(report.refused.body.error.message, /ENOSPC|disk is full/i);
    assert.equal(report.afterRefusal, 100, 'nothing changed');
    assert.ok(report.warnings.some((w: Warning) => w.code === 'state_not_saved'));
    assert.equal(report.hello, 200);
    assert.equal(report.recovered, 200);
    assert.equal(report.final, 300);
    assert.ok(!report.warningsAfter.some((w: Warning) => w.code === 'state_not_saved'));
    assert.equal(report.joinWhileFull, null, 'no secret promised while its join is not on disk');
    assert.equal(report.joinAfter, 'approved');
    assert.equal(report.loggedIn, true, 'and the secret it got then works');
  } finally {
    removeDir(dataDir);
  }
});
