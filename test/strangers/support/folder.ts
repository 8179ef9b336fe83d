// Looking at the data folder from outside the hub: what the picture folder holds, and whether
// anything read files it must never read.
import { readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const pictureFolder = (dataDir: string): string => join(dataDir, 'strangers');

/** The picture folder's entries, sorted (the journal included). */
export function folderEntries(dataDir: string): string[] {
  return readdirSync(pictureFolder(dataDir)).sort();
}

/** Picture files only (`<id>.<ext>`), sorted. */
export function pictureFiles(dataDir: string): string[] {
  return folderEntries(dataDir).filter((name) => /^[0-9a-f]{24}\.(jpg|png|webp)$/.test(name));
}

export const OUTSIDE_SECRET = 'OUTSIDE-THE-PICTURE-FOLDER-4b1d';

/**
 * Plants files that nothing may read and notes their access times, set far in the past: on a
 * relatime (or strictatime) mount any read moves the access time forward, so `assertUnread`
 * sees a read the hub did, whatever it did with the bytes afterwards.
 */
export function plantSentinels(paths: string[]): { assertUnread(): void } {
  const past = new Date('2001-01-01T00:00:00Z');
  for (const path of paths) {
    writeFileSync(path, `${OUTSIDE_SECRET}\n`);
    utimesSync(path, past, new Date());
  }
  return {
    assertUnread() {
      for (const path of paths) {
        const atime = statSync(path).atimeMs;
        if (atime !== past.getTime()) throw new Error(`${path} was read (atime ${atime})`);
      }
    },
  };
}
