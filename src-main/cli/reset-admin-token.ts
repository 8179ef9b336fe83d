// `npm run hub -- reset-admin-token`: a new admin token, printed once; the old one is revoked.
// Opening the store takes the data folder's lock, so it cannot race a running hub's writes.
import { resetAdminToken } from '../hub/admin-token.js';
import type { Logger } from '../hub/log.js';
import { StateStore } from '../hub/store/state-store.js';

export function runResetAdminToken(dataDir: string, log: Logger): string {
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
