// One hub per data folder, with real processes: a live holder refuses others, a SIGKILLed
// holder's lock is taken over, and racers never both win.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, test } from 'node:test';
import { StartupError } from '../../src-main/hub/errors.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { acquireDataDirLock, LOCK_FILE_NAME } from '../../src-main/hub/store/data-dir-lock.js';
import { processStartTime } from '../../src-main/hub/store/process-liveness.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { kill, removeDir, snapshot, startFixture, tempDir } from './support.js';
import type { Fixture } from './support.js';

const dirs: string[] = [];
const fixtures: Fixture[] = [];
afterEach(async () => {
  await Promise.all(fixtures.splice(0).map(kill));
  for (const dir of dirs.splice(0)) removeDir(dir);
});

function freshDir(): string {
  const dir = tempDir('hearth-lock-');
  dirs.push(dir);
  return dir;
}

function fixture(name: string, args: string[]): Fixture {
  const started = startFixture(name, args);
  fixtures.push(started);
  return started;
}

/** A pid that certainly belonged to a process that is now dead (SIGKILLed and reaped). */
async function deadPid(dir: string): Promise<number> {
  const holder = fixture('lock-holder', [dir, 'hold']);
  await holder.waitForLine(/^locked$/);
  await kill(holder);
  return holder.child.pid!;
}

test('a second process is refused with a clear message naming the holder', async () => {
  const dir = freshDir();
  const holder = fixture('lock-holder', [dir, 'hold']);
  await holder.waitForLine(/^locked$/);
  const before = snapshot(dir);
  assert.throws(
    () => acquireDataDirLock(dir),
    (error: unknown) => {
      assert.ok(error instanceof StartupError);
      assert.equal(
        error.message,
        `another Hearth hub (pid ${holder.child.pid}) is already using ${dir}; stop it first or choose another --data-dir`,
      );
      return true;
    },
  );
  assert.deepEqual(snapshot(dir), before, 'the holder’s lock is untouched');
});

test('a second hub on the same folder exits 2 with one line, its state untouched', async () => {
  const dir = freshDir();
  const first = fixture('write-loop', [dir]);
  await first.waitForLine(/^ready /);
  // Stop the writer but keep it alive, so its lock stays and the files stay still.
  first.child.kill('SIGSTOP');
  try {
    const before = snapshot(dir);
    const second = fixture('open-store', [dir]);
    const { code } = await second.exited;
    assert.equal(code, 2);
    assert.equal(
      second.stderr(),
      `another Hearth hub (pid ${first.child.pid}) is already using ${dir}; stop it first or choose another --data-dir\n`,
    );
    assert.deepEqual(snapshot(dir), before);
  } finally {
    first.child.kill('SIGCONT');
  }
});

test('a lock left by a SIGKILLed hub is taken over', async () => {
  const dir = freshDir();
  const pid = await deadPid(dir);
  const stale = fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8');
  assert.equal((JSON.parse(stale) as { pid: number }).pid, pid);
  const lock = acquireDataDirLock(dir);
  const mine = JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')) as {
    pid: number;
  };
  assert.equal(mine.pid, process.pid);
  lock.release();
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE_NAME)), false);
});

test('a lock naming a live pid that started later (pid reused) is stale', () => {
  const dir = freshDir();
  // Our own parent is alive but is not a hub that wrote this lock: its start time differs.
  const lockFile = path.join(dir, LOCK_FILE_NAME);
  const content = JSON.stringify({ pid: process.ppid, start: '1', host: os.hostname() });
  if (processStartTime(process.ppid) === null) {
    // Without /proc a live pid counts as a holder; the refusal is the honest outcome there.
    fs.writeFileSync(lockFile, content);
    assert.throws(() => acquireDataDirLock(dir), StartupError);
    return;
  }
  fs.writeFileSync(lockFile, content);
  acquireDataDirLock(dir).release();
  // And a lock naming this very process, not held by it, is a previous process with our pid.
  fs.writeFileSync(
    lockFile,
    JSON.stringify({ pid: process.pid, start: null, host: os.hostname() }),
  );
  acquireDataDirLock(dir).release();
});

test('an empty lock file (a hub killed between create and write) is taken over once old', () => {
  const dir = freshDir();
  const lockFile = path.join(dir, LOCK_FILE_NAME);
  fs.writeFileSync(lockFile, '');
  const old = new Date(Date.now() - 60_000);
  fs.utimesSync(lockFile, old, old);
  acquireDataDirLock(dir).release();
});

test('the lock is re-entrant within one process and released by the last holder', () => {
  const dir = freshDir();
  const outer = acquireDataDirLock(dir);
  const store = StateStore.open({ dataDir: dir, log: silentLogger, onWarning: () => {} });
  store.close();
  assert.ok(fs.existsSync(path.join(dir, LOCK_FILE_NAME)), 'still held by the outer holder');
  outer.release();
  outer.release();
  assert.equal(fs.existsSync(path.join(dir, LOCK_FILE_NAME)), false);
});

async function race(dir: string, racers: number): Promise<{ won: Fixture[]; lost: string[] }> {
  const started = Array.from({ length: racers }, () => fixture('lock-holder', [dir, 'race']));
  // Each racer has loaded its code once it says "waiting"; then all get the word at once.
  await Promise.all(started.map((racer) => racer.waitForLine(/^waiting$/)));
  for (const racer of started) racer.child.stdin!.write('go\n');
  const results = await Promise.all(started.map((racer) => racer.waitForLine(/^(won|lost)/)));
  return {
    won: started.filter((_racer, index) => results[index] === 'won'),
    lost: results.filter((line) => line.startsWith('lost')),
  };
}

for (const stale of [false, true]) {
  test(`racing processes: exactly one wins${stale ? ' over a stale lock' : ''}`, async () => {
    for (let round = 0; round < 2; round++) {
      const dir = freshDir();
      if (stale) await deadPid(dir);
      const { won, lost } = await race(dir, 4);
      assert.equal(won.length, 1, `round ${round}: one winner`);
      assert.equal(lost.length, 3);
      for (const line of lost) {
        assert.match(
          line,
          new RegExp(`another Hearth hub \\(pid ${won[0]!.child.pid}\\) is already using`),
        );
      }
      for (const racer of fixtures) racer.child.stdin!.end();
      await Promise.all(fixtures.map((racer) => racer.exited));
      assert.equal(fs.existsSync(path.join(dir, LOCK_FILE_NAME)), false, 'the winner released it');
    }
  });
}
