// Keeps a device's secret between runs. The secret is the device's whole identity on the hub,
// so the file is private to its owner (0600) and replaced atomically: a crash mid-write leaves
// either the old file or the new one, never half a secret.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  fchmodSync,
  fsyncSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export const SECRET_FILE_MODE = 0o600;

interface SecretFileContent {
  id: string;
  secret: string;
  savedAt: string;
}

/**
 * The stored secret for `id`, or null when there is none. A file written for another id (two
 * devices pointed at one file) counts as none: that secret would only be refused.
 */
export function readSecret(file: string, id: string): string | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  try {
    const content = JSON.parse(text) as Partial<SecretFileContent>;
    if (content.id !== id || typeof content.secret !== 'string' || content.secret === '') {
      return null;
    }
    return content.secret;
  } catch {
    // A damaged file: joining again is the only way forward, and the next save replaces it.
    return null;
  }
}

export function writeSecret(file: string, id: string, secret: string): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const content: SecretFileContent = { id, secret, savedAt: new Date().toISOString() };
  const temporary = `${file}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`;
  // 'wx': never follow or reuse something already at the temporary path.
  const fd = openSync(temporary, 'wx', SECRET_FILE_MODE);
  try {
    try {
      // The mode given to open is masked by the umask; this is not.
      if (process.platform !== 'win32') fchmodSync(fd, SECRET_FILE_MODE);
      writeSync(fd, JSON.stringify(content) + '\n');
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temporary, file);
  } catch (error) {
    removeQuietly(temporary);
    throw error;
  }
  syncFolder(dirname(file));
}

/** Removes the stored secret (the hub refused it); no file is fine. */
export function forgetSecret(file: string): void {
  removeQuietly(file);
}

function removeQuietly(file: string): void {
  try {
    unlinkSync(file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
}

// Makes the rename itself durable on POSIX file systems; Windows cannot open a folder this way.
function syncFolder(folder: string): void {
  if (process.platform === 'win32') return;
  let fd: number | undefined;
  try {
    fd = openSync(folder, 'r');
    fsyncSync(fd);
  } catch {
    // Best effort: some file systems refuse fsync on a folder.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
