// Electron's safeStorage (the OS keychain: Keychain, DPAPI, libsecret/kwallet) as the hub's
// SecretSealer, for the secrets the app must read back (the TLS key). Where it is not really
// available (no keyring on Linux, where Electron would fall back to a fixed key), the hub keeps
// the key as a file only the owner can read (mode 0600), as the headless hub always does.
import { safeStorage } from 'electron';
import type { SecretSealer } from '../hub/tls/hub-certificate.js';

export function keychainSealer(): SecretSealer | undefined {
  if (!safeStorage.isEncryptionAvailable()) return undefined;
  if (process.platform === 'linux' && safeStorage.getSelectedStorageBackend() === 'basic_text') {
    return undefined;
  }
  return {
    seal: (text) => safeStorage.encryptString(text),
    open: (sealed) => safeStorage.decryptString(sealed),
  };
}
