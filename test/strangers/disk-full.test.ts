// A full disk is reported, not crashed on: a real hub whose data folder is a 4 MiB tmpfs (in a
// private mount namespace, so nothing outside the test sees it) answers 507 once the disk is
// full, raises a warning, records it in the activity history, and keeps serving what it has.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { runWithPrivateTmpfs } from '../helpers/private-tmpfs.js';

test('ENOSPC while storing: 507 disk_full, a warning and an activity entry, no temp file, the hub goes on', async () => {
  const dataDir = makeTempDir('hearth-full-');
  try {
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the fixture's JSON report
    const report = await runWithPrivateTmpfs<any>(
      'test/strangers/fixtures/disk-full-hub.ts',
      dataDir,
      4,
    );
    const last = report.statuses.at(-1);
    assert.deepEqual(last, { status: 507, code: 'disk_full' });
    assert.ok(report.statuses.slice(0, -1).every((s: { status: number }) => s.status === 201));
    assert.ok(report.listed >= 1, 'some pictures fitted before the disk filled');
    assert.equal(report.hello, 200, 'the hub is still up');
    assert.ok(report.warnings.some((w: { code: string }) => w.code === 'strangers_disk_full'));
    assert.ok(
      report.activity.some(
        (e: { kind: string; data?: { code?: string } }) =>
          e.kind === 'stranger_refused' && e.data?.code === 'disk_full',
      ),
    );
    assert.deepEqual(
      report.folder.filter((name: string) => name.startsWith('.tmp-')),
      [],
      'the half-written temp file was removed',
    );
    assert.equal(report.folder.length, report.listed + 1, 'pictures plus the index, nothing else');
    assert.deepEqual(report.served, new Array(report.listed).fill(200));
  } finally {
    removeDir(dataDir);
  }
});
