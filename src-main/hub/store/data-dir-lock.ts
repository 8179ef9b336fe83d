// One hub per data folder. The lock is a file created with O_EXCL ('wx'), so of two processes
// racing exactly one creates it; it names the holder's pid, so a lock left by a crashed
// (SIGKILLed) hub is recognised as stale and taken over. Breaking a stale lock happens under a
// second O_EXCL file, so two processes that both saw the same stale lock cannot both remove it
// and then each create their own.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { StartupError } from '../errors.js';
import { errorCode, isPermissionError, reason, unwritable } from './data-dir.js';
import { isProcessAlive, processStartTime } from './process-liveness.js';

export const LOCK_FILE_NAME = 'hearth.lock';
const GUARD_SUFFIX = '.takeover';
// A lock file gets its content right after creation; an empty one is a racer between the two
// steps, or (if it stays empty) a hub that died there.
const EMPTY_LOCK_GRACE_MS = 2000;
// Breaking a stale lock takes microseconds; a guard older than this was left by a crash.
const GUARD_STALE_MS = 10_000;
const ACQUIRE_DEADLINE_MS = 5000;

export interface DataDirLock {
  release(): void;
}

interface Holder {
  pid: number;
  start: string | null;
  host: string;
}

interface Held {
  count: number;
  content: string;
}

// Within one process the lock is re-entrant: the composition root may hold it while the state
// store (which also takes it) opens and closes.
const heldHere = new Map<string, Held>();

export function acquireDataDirLock(dataDir: string): DataDirLock {
  const dir = path.resolve(dataDir);
  const lockPath = path.join(dir, LOCK_FILE_NAME);
  // Keyed by the real path, so a second name for the same folder (a symlink) is the same lock.
  const key = realPathOf(dir);
  const mine = heldHere.get(key);
  if (mine) {
    mine.count += 1;
    return handle(key, lockPath, mine);
  }
  const self: Holder = {
    pid: process.pid,
    start: processStartTime(process.pid),
    host: os.hostname(),
  };
  const content = JSON.stringify({ ...self, at: new Date().toISOString() }) + '\n';
  const deadline = Date.now() + ACQUIRE_DEADLINE_MS;
  while (Date.now() < deadline) {
    if (tryCreate(lockPath, content, dir)) {
      const held: Held = { count: 1, content };
      heldHere.set(key, held);
      return handle(key, lockPath, held);
    }
    const seen = observe(lockPath);
    if (!seen) continue; // released between our attempt and our look: try again
    const holder = parseHolder(seen.raw);
    if (holder === null && Date.now() - seen.mtimeMs < EMPTY_LOCK_GRACE_MS) {
      sleep(10);
      continue;
    }
    if (holder !== null && isHolderAlive(holder)) {
      const who =
        holder.host === self.host ? `pid ${holder.pid}` : `pid ${holder.pid} on ${holder.host}`;
      throw new StartupError(
        `another Hearth hub (${who}) is already using ${dir}; stop it first or choose another --data-dir`,
      );
    }
    breakStaleLock(lockPath, seen, dir);
  }
  throw new StartupError(
    `could not lock data folder ${dir}: ${lockPath} keeps changing; stop the other hub or choose another --data-dir`,
  );
}

function handle(key: string, lockPath: string, held: Held): DataDirLock {
  let released = false;
  return {
    release() {
      if (released) return;
      released = true;
      held.count -= 1;
      if (held.count > 0) return;
      heldHere.delete(key);
      // Only remove the file if it is still ours (someone may have removed a lock by hand).
      if (observe(lockPath)?.raw === held.content) unlinkQuietly(lockPath);
    },
  };
}

function realPathOf(dir: string): string {
  try {
    return fs.realpathSync(dir);
  } catch {
    return dir;
  }
}

function isHolderAlive(holder: Holder): boolean {
  // Another machine sharing the folder: its pids mean nothing here, so assume it runs.
  if (holder.host !== os.hostname()) return true;
  // Our own pid but not held by this process: a previous process that had the same pid.
  if (holder.pid === process.pid) return false;
  return isProcessAlive(holder.pid, holder.start);
}

function breakStaleLock(lockPath: string, stale: Observed, dir: string): void {
  const guardPath = lockPath + GUARD_SUFFIX;
  if (!tryCreate(guardPath, `${process.pid}\n`, dir)) {
    const guard = observe(guardPath);
    if (guard && Date.now() - guard.mtimeMs > GUARD_STALE_MS) unlinkQuietly(guardPath);
    else sleep(5);
    return;
  }
  try {
    // Remove it only if it is still the very file we judged stale, not a fresh lock since.
    const now = observe(lockPath);
    if (now && now.raw === stale.raw && now.ino === stale.ino && now.mtimeNs === stale.mtimeNs) {
      fs.unlinkSync(lockPath);
    }
  } catch (error) {
    if (errorCode(error) !== 'ENOENT') throw lockError(lockPath, dir, error);
  } finally {
    unlinkQuietly(guardPath);
  }
}

function tryCreate(file: string, content: string, dir: string): boolean {
  let fd: number;
  try {
    fd = fs.openSync(file, 'wx', 0o644);
  } catch (error) {
    if (errorCode(error) === 'EEXIST') return false;
    throw lockError(file, dir, error);
  }
  try {
    fs.writeSync(fd, content);
  } catch (error) {
    fs.closeSync(fd);
    unlinkQuietly(file);
    throw lockError(file, dir, error);
  }
  fs.closeSync(fd);
  return true;
}

interface Observed {
  raw: string;
  ino: bigint;
  mtimeNs: bigint;
  mtimeMs: number;
}

function observe(file: string): Observed | null {
  try {
    const stat = fs.statSync(file, { bigint: true });
    const raw = fs.readFileSync(file, 'utf8');
    return { raw, ino: stat.ino, mtimeNs: stat.mtimeNs, mtimeMs: Number(stat.mtimeMs) };
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    throw new StartupError(
      `cannot read lock file ${file} (${reason(error)}); remove it if no hub runs`,
    );
  }
}

function parseHolder(raw: string): Holder | null {
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null) return null;
    const { pid, start, host } = value as Record<string, unknown>;
    if (typeof pid !== 'number' || !Number.isSafeInteger(pid)) return null;
    return {
      pid,
      start: typeof start === 'string' ? start : null,
      host: typeof host === 'string' ? host : os.hostname(),
    };
  } catch {
    return null;
  }
}

function lockError(file: string, dir: string, error: unknown): StartupError {
  if (isPermissionError(error)) return unwritable(dir, error);
  return new StartupError(
    `cannot create lock file ${file} (${reason(error)}); choose another --data-dir`,
  );
}

function unlinkQuietly(file: string): void {
  try {
    fs.unlinkSync(file);
  } catch {
    // Already gone, or the folder became read-only: nothing more to do.
  }
}

const sleeper = new Int32Array(new SharedArrayBuffer(4));
function sleep(ms: number): void {
  // Acquiring runs once at start, before anything else, so a short synchronous wait is fine.
  Atomics.wait(sleeper, 0, 0, ms);
}
