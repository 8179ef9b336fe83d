// The admin token: chosen with --admin-token, or generated at first start and shown once.
// Only its SHA-256 hash is stored.
import type { StateStore } from './store/state-store.js';
import { generateToken, hashToken } from './auth/tokens.js';

/** Makes sure an admin token exists; returns a newly generated one so it can be shown once. */
export function ensureAdminToken(store: StateStore, chosen: string | undefined): string | null {
  if (chosen !== undefined) {
    const hash = hashToken(chosen);
    if (store.state.adminTokenHash !== hash)
      store.update((draft) => void (draft.adminTokenHash = hash));
    return null;
  }
  if (store.state.adminTokenHash) return null;
  return resetAdminToken(store);
}

/** Replaces the admin token: the old one stops working at once. */
export function resetAdminToken(store: StateStore): string {
  const token = generateToken();
  store.update((draft) => void (draft.adminTokenHash = hashToken(token)));
  return token;
}
