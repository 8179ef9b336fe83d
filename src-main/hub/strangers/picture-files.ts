// The picture folder on disk. Writes are atomic (temp file, fsync, rename, fsync of the folder)
// so a crash leaves either the whole picture or only a temp file that the next start removes.
// Reads take a name the hub made itself and still check, before opening, that the path is a
// regular file inside the folder: never a symlink, never somewhere a planted link points to.
import { randomBytes } from 'node:crypto';
import { constants, lstatSync, mkdirSync, readdirSync, realpathSync, unlinkSync } from 'node:fs';
import { lstat, open, realpath, rename, unlink } from 'node:fs/promises';
import { dirname, join } from 'node:path';

export const TEMP_PREFIX = '.tmp-';

/** Creates the folder (private to the hub) and returns its real path. */
export function preparePictureFolder(dir: string): string {
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const stat = lstatSync(dir);
  if (!stat.isDirectory()) throw new Error(`${dir} is not a folder`);
  return realpathSync(dir);
}

/** Temp files left by a crash mid-write; returns how many were removed. */
export function removeTempFiles(root: string): number {
  let removed = 0;
  for (const name of readdirSync(root)) {
    if (!name.startsWith(TEMP_PREFIX)) continue;
    unlinkSync(join(root, name));
    removed++;
  }
  return removed;
}

/**
 * Writes `bytes` as `root/name`, all or nothing. Throws (ENOSPC, EIO…) with nothing left.
 * `onRenamed` runs synchronously the moment the new file takes the name (before the folder is
 * synced): a picture replaced under its name is listed with its new size at once.
 */
export async function writePictureAtomically(
  root: string,
  name: string,
  bytes: Buffer,
  onRenamed?: () => void,
): Promise<void> {
  const temp = join(root, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
  try {
    // `wx`: never follows or reuses something already at the temp name.
    const handle = await open(temp, 'wx', 0o600);
    try {
      await handle.writeFile(bytes);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, join(root, name));
    onRenamed?.();
  } catch (error) {
    await unlink(temp).catch(() => {});
    throw error;
  }
  await syncFolder(root);
}

/** The rename is durable only once the folder's entry is on disk too. */
async function syncFolder(root: string): Promise<void> {
  const handle = await open(root, constants.O_RDONLY | constants.O_DIRECTORY);
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

/**
 * Reads `root/name` if it is a regular file of `size` bytes right inside `root` (a real path);
 * null for anything else (missing, a symlink, a folder, a different file swapped in).
 */
export async function readPictureSafely(
  root: string,
  name: string,
  size: number,
): Promise<Buffer | null> {
  const path = join(root, name);
  if (dirname(path) !== root) return null;
  try {
    const link = await lstat(path);
    if (!link.isFile() || link.size !== size) return null;
    if ((await realpath(path)) !== path) return null;
    // O_NOFOLLOW closes the gap between the checks and the open (a link swapped in meanwhile).
    const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
    try {
      const stat = await handle.stat();
      if (!stat.isFile() || stat.ino !== link.ino || stat.size !== size) return null;
      return await handle.readFile();
    } finally {
      await handle.close();
    }
  } catch {
    return null;
  }
}

/** Whether `root/name` is a regular file (not a link) of `size` bytes: checked at start. */
export function isCompletePictureFile(root: string, name: string, size: number): boolean {
  try {
    const stat = lstatSync(join(root, name));
    return stat.isFile() && stat.size === size;
  } catch {
    return false;
  }
}

export async function removePictureFile(root: string, name: string): Promise<void> {
  await unlink(join(root, name)).catch((error: NodeJS.ErrnoException) => {
    if (error.code !== 'ENOENT') throw error;
  });
}
