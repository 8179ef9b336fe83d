// A first start that fails (a busy port, say) must leave nothing behind: otherwise the next,
// successful start finds a state.json with an admin token that was never shown, and the owner
// has no way in. What the failed start wrote is removed; what was there before stays.
import fs from 'node:fs';
import path from 'node:path';
import { STATE_FILE } from './state-files.js';

export interface FirstStartGuard {
  /** The start failed: undo what it wrote, if it was the folder's first. */
  rollBack(): void;
}

export function guardFirstStart(dataDir: string): FirstStartGuard {
  const existed = fs.existsSync(dataDir);
  // Not a folder (a file in its place): the start refuses it and writes nothing anyway.
  if (existed && !fs.statSync(dataDir).isDirectory()) return { rollBack() {} };
  const before = new Set(existed ? fs.readdirSync(dataDir) : []);
  const first = !before.has(STATE_FILE);
  return {
    rollBack() {
      if (!first) return;
      if (!existed) {
        fs.rmSync(dataDir, { recursive: true, force: true });
        return;
      }
      for (const entry of fs.readdirSync(dataDir)) {
        if (!before.has(entry))
          fs.rmSync(path.join(dataDir, entry), { recursive: true, force: true });
      }
    },
  };
}
