// Checks the data folder before anything is written to it, so an unusable folder stops the hub
// with one line that says what is wrong and what to do (the CLI prints it and exits 2).
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors.js';

const advice = 'choose another --data-dir (or HEARTH_DATA_DIR)';

/** Creates the folder if it is missing and returns its absolute path; throws StartupError. */
export function ensureUsableDataDir(dataDir: string): string {
  if (dataDir.trim() === '') throw new StartupError(`the data folder is empty; ${advice}`);
  const dir = path.resolve(dataDir);
  const stat = statOrNull(dir);
  if (stat && !stat.isDirectory()) {
    throw new StartupError(`data folder ${dir} is a file, not a folder; ${advice}`);
  }
  if (!stat) {
    try {
      makeFolder(dir);
    } catch (error) {
      throw new StartupError(`data folder ${dir} cannot be created (${reason(error)}); ${advice}`);
    }
  }
  try {
    fs.accessSync(dir, fs.constants.R_OK | fs.constants.W_OK | fs.constants.X_OK);
  } catch (error) {
    throw unwritable(dir, error);
  }
  return dir;
}

/** The StartupError for a folder the hub cannot write to. */
export function unwritable(dir: string, error: unknown): StartupError {
  const code = errorCode(error);
  const what = code === 'EROFS' ? 'is on a read-only file system' : 'is not writable';
  return new StartupError(
    `data folder ${dir} ${what} (${reason(error)}); make it writable or ${advice}`,
  );
}

export function isPermissionError(error: unknown): boolean {
  const code = errorCode(error);
  return code === 'EROFS' || code === 'EACCES' || code === 'EPERM';
}

export function errorCode(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | null)?.code;
}

export function reason(error: unknown): string {
  const code = errorCode(error);
  const message = error instanceof Error ? error.message : String(error);
  // Node's messages read "EACCES: permission denied, open '/x'": keep the part before the path.
  const short = message.split(', ')[0] ?? message;
  return code && !short.startsWith(code) ? `${code}: ${short}` : short;
}

// mkdirSync's recursive mode reports ENOENT on a read-only file system; one level at a time
// reports the real cause (EROFS, EACCES).
function makeFolder(dir: string): void {
  const parent = path.dirname(dir);
  if (parent !== dir && !fs.existsSync(parent)) makeFolder(parent);
  try {
    fs.mkdirSync(dir);
  } catch (error) {
    if (errorCode(error) !== 'EEXIST' || !fs.statSync(dir).isDirectory()) throw error;
  }
}

function statOrNull(target: string): fs.Stats | null {
  try {
    return fs.statSync(target);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return null;
    // ENOTDIR: a parent is a file. Anything else: say so rather than guess.
    throw new StartupError(`data folder ${target} cannot be used (${reason(error)}); ${advice}`);
  }
}
