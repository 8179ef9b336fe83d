// The actions folder and its file names: `<dataDir>/actions/*.mjs|*.js`, nothing deeper, and
// every path checked after resolving symlinks, so a link pointing outside the folder is refused
// (the check zigbee2mqtt's external JS loader lacks).
import fs from 'node:fs';
import path from 'node:path';
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';
import { problemEnglish } from '../action-problem.js';

export const MAX_ACTION_FILE_BYTES = 256 * 1024;
/** A bare file name: no path parts, no leading dot, `.mjs` or `.js`. */
export const ACTION_FILE_NAME = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(mjs|js)$/;
/** Where remotely sent code waits for the owner's confirmation; never loaded from there. */
export const PENDING_DIR = '.pending';

/** Why `name` cannot be an action file, or null. */
export function fileNameProblem(name: string): ActionProblemOf | null {
  if (name.includes('/') || name.includes('\\') || name.includes('\0')) {
    return { problem: 'file_has_path', params: { file: name } };
  }
  if (!ACTION_FILE_NAME.test(name)) return { problem: 'file_bad_name', params: { file: name } };
  return null;
}

export function checkFileName(name: string): string | null {
  const problem = fileNameProblem(name);
  return problem && problemEnglish(problem);
}

export function ensureActionsDir(dataDir: string): string {
  const dir = path.join(dataDir, 'actions');
  fs.mkdirSync(dir, { recursive: true });
  return fs.realpathSync(dir);
}

export type Resolved =
  { ok: true; path: string; size: number } | { ok: false; error: string; problem: ActionProblemOf };

const refused = (problem: ActionProblemOf): Resolved => ({
  ok: false,
  error: problemEnglish(problem),
  problem,
});

/** The real path of `name` inside `dir` (itself a real path), or why it may not be loaded. */
export function resolveInside(dir: string, name: string): Resolved {
  const badName = fileNameProblem(name);
  if (badName) return refused(badName);
  let real: string;
  try {
    real = fs.realpathSync(path.join(dir, name));
  } catch (error) {
    const params = { file: name, error: (error as Error).message };
    return refused({ problem: 'file_unreadable', params });
  }
  if (path.dirname(real) !== dir)
    return refused({ problem: 'file_outside', params: { file: name } });
  const stat = fs.statSync(real);
  if (!stat.isFile()) return refused({ problem: 'file_not_a_file', params: { file: name } });
  if (stat.size > MAX_ACTION_FILE_BYTES) {
    const params = { file: name, bytes: stat.size, limit: MAX_ACTION_FILE_BYTES };
    return refused({ problem: 'file_too_large', params });
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
