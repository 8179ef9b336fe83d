// Shared helpers for the store tests: temp folders, byte snapshots of a folder, read-only
// folders that really are read-only (also for root), and fixture child processes.
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';

export const FIXTURES = path.resolve('test/store/fixtures');

export function tempDir(prefix = 'hearth-store-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeDir(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** Every file in a folder (recursively) with its bytes, to compare before and after. */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (folder: string, prefix: string): void => {
    for (const entry of fs.readdirSync(folder, { withFileTypes: true })) {
      const rel = prefix + entry.name;
      if (entry.isDirectory()) walk(path.join(folder, entry.name), rel + '/');
      else files.set(rel, fs.readFileSync(path.join(folder, entry.name)).toString('base64'));
    }
  };
  walk(dir, '');
  return files;
}

export interface ReadOnlyView {
  /** The path to give the hub: the folder's contents, read-only. */
  path: string;
  cleanup(): void;
}

/**
 * Makes `dir` read-only for this process. chmod does not stop root, so as root a read-only bind
 * mount of the folder is used (writes there fail with EROFS); otherwise chmod 0555.
 */
export function readOnlyView(dir: string): ReadOnlyView {
  if (process.getuid?.() !== 0) {
    fs.chmodSync(dir, 0o555);
    return { path: dir, cleanup: () => fs.chmodSync(dir, 0o755) };
  }
  const mountPoint = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-ro-'));
  try {
    execFileSync('mount', ['--bind', dir, mountPoint], { stdio: 'pipe' });
    execFileSync('mount', ['-o', 'remount,bind,ro', mountPoint], { stdio: 'pipe' });
  } catch (error) {
    spawnQuiet('umount', [mountPoint]);
    fs.rmdirSync(mountPoint);
    throw new Error(`cannot make a read-only bind mount as root: ${(error as Error).message}`, {
      cause: error,
    });
  }
  return {
    path: mountPoint,
    cleanup: () => {
      execFileSync('umount', [mountPoint], { stdio: 'pipe' });
      fs.rmdirSync(mountPoint);
    },
  };
}

function spawnQuiet(command: string, args: string[]): void {
  try {
    execFileSync(command, args, { stdio: 'ignore' });
  } catch {
    // Best effort while reporting another error.
  }
}

export interface Fixture {
  child: ChildProcess;
  /** Resolves with the next stdout line matching `pattern` (rejects if the child exits first). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  lines: string[];
  stderr(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** Runs `test/store/fixtures/<name>.ts` in a real Node process (through tsx). */
export function startFixture(name: string, args: string[]): Fixture {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(FIXTURES, `${name}.ts`), ...args],
    { stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const lines: string[] = [];
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const waiters: Array<{ pattern: RegExp; resolve: (line: string) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    lines.push(line);
    const index = waiters.findIndex((waiter) => waiter.pattern.test(line));
    if (index >= 0) waiters.splice(index, 1)[0]!.resolve(line);
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
    child.on('close', (code, signal) => resolve({ code, signal })),
  );
  return {
    child,
    lines,
    stderr: () => stderr,
    exited,
    waitForLine(pattern, timeoutMs = 20_000) {
      const seen = lines.find((line) => pattern.test(line));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => reject(new Error(`no line ${pattern} from ${name}; stderr: ${stderr}`)),
          timeoutMs,
        );
        waiters.push({
          pattern,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(({ code, signal }) => {
          clearTimeout(timer);
          reject(
            new Error(`${name} exited (${code ?? signal}) before ${pattern}; stderr: ${stderr}`),
          );
        });
      });
    },
  };
}

/** SIGKILLs a fixture (if still running) and waits until it is gone and reaped. */
export async function kill(fixture: Fixture): Promise<void> {
  if (fixture.child.exitCode === null && fixture.child.signalCode === null) {
    fixture.child.kill('SIGKILL');
  }
  await fixture.exited;
}

/** Small seeded PRNG (mulberry32) so a failing crash case can be replayed by its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
