// `npm run hub -- reset-admin-token`: a new admin token, printed once; the old one is revoked.
// Opening the store takes the data folder's lock, so it cannot race a running hub's writes.
// It acts only on a folder that holds a hub: run against the wrong folder (the default one,
// when the hub runs with --data-dir), it would otherwise make a new hub there and print a
// token that works nowhere the owner looks. A reset is what an owner does when the token may
// have leaked, so browsers signed in with admin rights are signed out with it: a session made
// from a stolen token must not outlive the token.
import fs from 'node:fs';
import path from 'node:path';
import { resetAdminToken } from '../hub/admin-token.js';
import { StartupError } from '../hub/errors.js';
import type { Logger } from '../hub/log.js';
import { STATE_FILE } from '../hub/store/state-files.js';
import { StateStore } from '../hub/store/state-store.js';

export interface AdminTokenReset {
  token: string;
  /** Browser sessions with admin rights that were signed out. */
  endedSessions: number;
}

export function runResetAdminToken(dataDir: string, log: Logger): AdminTokenReset {
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
    const token = resetAdminToken(store);
    const adminSessions = Object.values(store.state.tokens).filter(
      (record) => record.kind === 'session' && record.scope === 'admin',
    );
    store.update((draft) => {
      for (const session of adminSessions) delete draft.tokens[session.id];
    });
    return { token, endedSessions: adminSessions.length };
  } finally {
    store.close();
  }
}
