// How `import` resolves inside the sandbox: only to another action file of the same folder,
// written `./name.mjs`, and read through the same containment check as the files themselves
// (no path parts, no symlink out, size cap). `node:fs`, `os`, a URL, `../state.json` and every
// other specifier is refused with one sentence that says what an import may name.
import fs from 'node:fs';
import { checkFileName, resolveInside } from '../files/action-folder.js';

// The engine's binding ignores a normalizer's error, so a refused specifier is passed on to the
// loader under a name no action file can have, and refused there with its sentence.
const REFUSED = '!refused!';

/** Whether a module name stands for a refused specifier (never a file). */
export function isRefusedImport(name: string): boolean {
  return name.startsWith(REFUSED);
}

/** The module name an import specifier stands for. */
export function normalizeImport(requested: string): string {
  const name = requested.startsWith('./') ? requested.slice(2) : null;
  return name !== null && checkFileName(name) === null ? name : `${REFUSED}${requested}`;
}

/** The source of a module the sandbox imports, or why it cannot be had. */
export function readActionSource(
  dir: string,
  name: string,
): { ok: true; source: string } | { ok: false; error: string } {
  if (name.startsWith(REFUSED)) {
    const requested = name.slice(REFUSED.length);
    return {
      ok: false,
      error: `cannot import "${requested}": an action may import only another file of the actions folder, written "./name.mjs"`,
    };
  }
  const resolved = resolveInside(dir, name);
  if (!resolved.ok) return { ok: false, error: `cannot import "./${name}": ${resolved.error}` };
  return { ok: true, source: fs.readFileSync(resolved.path, 'utf8') };
}
