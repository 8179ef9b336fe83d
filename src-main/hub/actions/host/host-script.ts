// Where the host's runnable script is. Built (dist/main) it is host-main.js beside this file.
// Run from source (tests under tsx) there is only host-main.ts, and the host may not load a
// TypeScript loader (it may read nothing but its script and its folder), so the one file is
// transpiled to a self-contained .mjs in the temp folder, once per content.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export async function hostScriptPath(): Promise<string> {
  const built = fileURLToPath(new URL('./host-main.js', import.meta.url));
  if (fs.existsSync(built)) return built;
  const source = fileURLToPath(new URL('./host-main.ts', import.meta.url));
  const code = fs.readFileSync(source, 'utf8');
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const target = path.join(os.tmpdir(), `hearth-action-host-${hash}.mjs`);
  if (!fs.existsSync(target)) {
    // esbuild is a dev dependency: present wherever the sources are run directly.
    const esbuild = await import('esbuild');
    const output = esbuild.transformSync(code, { loader: 'ts', format: 'esm', target: 'node20' });
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, output.code);
    fs.renameSync(temporary, target);
  }
  return target;
}
