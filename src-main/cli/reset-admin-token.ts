// `npm run hub -- reset-admin-token`: a new admin token, printed once; the old one is revoked.
// Opening the store takes the data folder's lock, so it cannot race a running hub's writes.
// It acts only on a folder that holds a hub: run against the wrong folder (the default one,
// when the hub runs with --data-dir), it would otherwise make a new hub there and print a
// token that works nowhere the owner looks.
import fs from 'node:fs';
import path from 'node:path';
import { resetAdminToken } from '../hub/admin-token.js';
import { StartupError } from '../hub/errors.js';
import type { Logger } from '../hub/log.js';
import { STATE_FILE } from '../hub/store/state-files.js';
import { StateStore } from '../hub/store/state-store.js';

export function runResetAdminToken(dataDir: string, log: Logger): string {
  if (!fs.existsSync(path.join(dataDir, STATE_FILE))) {
    throw new StartupError(
      `there is no hub in ${dataDir} (no ${STATE_FILE}); nothing was changed. ` +
        `Name the folder your hub runs with: npm run hub -- reset-admin-token --data-dir DIR`,
    );
  }
  const store = StateStore.open({
    dataDir,
    log,
    onWarning: (_code, message) => log.warn(message),
  });
  try {
    return resetAdminToken(store);
  } finally {
    store.close();
  }
}
