// The hub's version, read once from package.json (the single source of truth). The file sits
// at a different depth from the sources (tests), the build (dist/) and the packaged app, so
// look upwards for it.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function readVersion(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let depth = 0; depth < 6; depth++) {
    try {
      const pkg = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8')) as {
        name?: unknown;
        version?: unknown;
      };
      if (pkg.name === 'hearth' && typeof pkg.version === 'string') return pkg.version;
    } catch {
      // not here: keep looking upwards
    }
    dir = dirname(dir);
  }
  return '0.0.0';
}

export const HUB_VERSION = readVersion();
