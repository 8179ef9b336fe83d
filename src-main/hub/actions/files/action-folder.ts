// The actions folder and its file names: `<dataDir>/actions/*.mjs|*.js`, nothing deeper, and
// every path checked after resolving symlinks, so a link pointing outside the folder is refused
// (the check zigbee2mqtt's external JS loader lacks).
import fs from 'node:fs';
import path from 'node:path';

export const MAX_ACTION_FILE_BYTES = 256 * 1024;
/** A bare file name: no path parts, no leading dot, `.mjs` or `.js`. */
export const ACTION_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(mjs|js)$/;
/** Where remotely sent code waits for the owner's confirmation; never loaded from there. */
export const PENDING_DIR = '.pending';

export function checkFileName(name: string): string | null {
  if (name.includes('/') || name.includes('\\') || name.includes('\0')) {
    return `"${name}" has path parts; give a bare file name`;
  }
  if (!ACTION_FILE_NAME.test(name)) {
    return `"${name}" is not an action file name (1-64 of A-Z a-z 0-9 . _ -, ending .mjs or .js)`;
  }
  return null;
}

export function ensureActionsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'actions');
  fs.mkdirSync(dir, { recursive: true });
  return fs.realpathSync(dir);
}

export type Resolved = { ok: true; path: string; size: number } | { ok: false; error: string };

/** The real path of `name` inside `dir` (itself a real path), or why it may not be loaded. */
export function resolveInside(dir: string, name: string): Resolved {
  const badName = checkFileName(name);
  if (badName) return { ok: false, error: badName };
  let real: string;
  try {
    real = fs.realpathSync(path.join(dir, name));
  } catch (error) {
    return { ok: false, error: `cannot read ${name}: ${(error as Error).message}` };
  }
  if (path.dirname(real) !== dir) {
    return { ok: false, error: `${name} points outside the actions folder; refused` };
  }
  const stat = fs.statSync(real);
  if (!stat.isFile()) return { ok: false, error: `${name} is not a file` };
  if (stat.size > MAX_ACTION_FILE_BYTES) {
    return {
      ok: false,
      error: `${name} is ${stat.size} bytes; an action file is at most ${MAX_ACTION_FILE_BYTES}`,
    };
  }
  return { ok: true, path: real, size: stat.size };
}

/** The candidate action files in the folder, sorted (the first file wins a name clash). */
export function listCandidates(dir: string): string[] {
  return fs
    .readdirSync(dir)
    .filter((name) => /\.(mjs|js)$/.test(name) && !name.startsWith('.'))
    .sort();
}
