// The picture store: files in `strangers/`, the index in memory and its journal on disk. Every
// change goes through one queue, so deduplication, deletion and retention never race each other
// and the journal's order is the order things happened.
import { lstatSync, readdirSync, unlinkSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.js';
import { IndexJournal } from './index-journal.js';
import { EXTENSION_OF, type PictureType } from './picture-format.js';
import {
  isCompletePictureFile,
  preparePictureFolder,
  readPictureSafely,
  removePictureFile,
  removeTempFiles,
  writePictureAtomically,
} from './picture-files.js';
import { overRetention, type RetentionLimits } from './retention.js';
import { StrangerIndex, type StrangerQuery, type StrangerRecord } from './stranger-index.js';
import { newStrangerId } from './stranger-id.js';

export interface NewPicture {
  camera: string;
  bytes: Buffer;
  type: PictureType;
  sha256: string;
  at: number;
}

export type AddOutcome = { kind: 'new' | 'duplicate' | 'merged'; record: StrangerRecord };

/** `unchanged`: the event's sighting already shows exactly these bytes. */
export type PutOutcome = { kind: 'new' | 'replaced' | 'unchanged'; record: StrangerRecord };

const PICTURE_FILE = /^[0-9a-f]{24}\.(jpg|png|webp)$/;

export function pictureFileName(record: Pick<StrangerRecord, 'id' | 'type'>): string {
  return `${record.id}.${EXTENSION_OF[record.type]}`;
}

export class PictureStore {
  private readonly index = new StrangerIndex();
  private readonly journal: IndexJournal;
  private queue: Promise<unknown> = Promise.resolve();

  private constructor(
    readonly root: string,
    private readonly log: Logger | null,
  ) {
    this.journal = new IndexJournal(root);
  }

  /** Opens (or creates) the folder: temp files removed, the index checked against the files. */
  static open(dir: string, log: Logger | null = null): PictureStore {
    const store = new PictureStore(preparePictureFolder(dir), log);
    store.load();
    return store;
  }

  get count(): number {
    return this.index.count;
  }

  get totalBytes(): number {
    return this.index.totalBytes;
  }

  get(id: string): StrangerRecord | undefined {
    return this.index.get(id);
  }

  query(query: StrangerQuery): StrangerRecord[] {
    return this.index.query(query);
  }

  /**
   * Stores a picture, or counts it as another sighting: the same bytes from the same camera, or
   * (with a merge window) any picture from a camera whose latest sighting is that recent.
   */
  add(picture: NewPicture, mergeWindowMs: number): Promise<AddOutcome> {
    return this.exclusive(async () => {
      const same = this.index.findDuplicate(picture.camera, picture.sha256);
      if (same) return { kind: 'duplicate', record: this.seenAgain(same.id, picture.at) };
      const latest = mergeWindowMs > 0 ? this.index.latestOf(picture.camera) : undefined;
      if (latest && latest.externalId === undefined && picture.at - latest.at <= mergeWindowMs) {
        return { kind: 'merged', record: this.seenAgain(latest.id, picture.at) };
      }
      const record = firstSighting(picture);
      await writePictureAtomically(this.root, pictureFileName(record), picture.bytes);
      // Listed only now that the whole file is in place.
      this.journal.put(record);
      this.index.add(record);
      return { kind: 'new', record };
    });
  }

  findExternal(externalId: string): StrangerRecord | undefined {
    return this.index.findExternal(externalId);
  }

  /**
   * The sighting of another system's event (`externalId`): made with this picture the first time,
   * its picture replaced afterwards (same id, `at` moved on, counted once more). Never merged or
   * deduplicated with other sightings. A replacement is renamed over the old file: a crash in
   * that instant loses this one sighting (its listed size no longer matches), nothing else.
   */
  put(picture: NewPicture, externalId: string): Promise<PutOutcome> {
    return this.exclusive(async () => {
      const existing = this.index.findExternal(externalId);
      if (!existing) {
        const record = { ...firstSighting(picture), externalId };
        await writePictureAtomically(this.root, pictureFileName(record), picture.bytes);
        this.journal.put(record);
        this.index.add(record);
        return { kind: 'new', record };
      }
      if (existing.sha256 === picture.sha256 && existing.type === picture.type) {
        return { kind: 'unchanged', record: existing };
      }
      const updated: StrangerRecord = {
        ...existing,
        at: Math.max(picture.at, existing.at),
        count: existing.count + 1,
        size: picture.bytes.length,
        type: picture.type,
        sha256: picture.sha256,
      };
      await writePictureAtomically(this.root, pictureFileName(updated), picture.bytes, () => {
        // Listed with its new size the moment the new file has the name (readers check the size).
        this.index.add(updated);
        this.journal.put(updated);
      });
      if (pictureFileName(existing) !== pictureFileName(updated)) {
        await removePictureFile(this.root, pictureFileName(existing));
      }
      return { kind: 'replaced', record: updated };
    });
  }

  /** Removes the sighting kept for another system's event; undefined if there is none. */
  removeExternal(externalId: string): Promise<StrangerRecord | undefined> {
    return this.exclusive(async () => {
      const record = this.index.findExternal(externalId);
      return record && this.removeNow(record.id);
    });
  }

  /** The picture's bytes, read only from a regular file inside the folder; null if unusable. */
  async read(id: string): Promise<{ record: StrangerRecord; bytes: Buffer } | null> {
    const record = this.index.get(id);
    if (!record) return null;
    const bytes = await readPictureSafely(this.root, pictureFileName(record), record.size);
    if (!bytes) {
      this.log?.warn('a stranger picture file is missing or not a plain file', { id });
      return null;
    }
    return { record, bytes };
  }

  remove(id: string): Promise<StrangerRecord | undefined> {
    return this.exclusive(() => this.removeNow(id));
  }

  /** Removes what is over the limits, oldest first; returns what went. */
  enforceRetention(limits: RetentionLimits, now: number): Promise<StrangerRecord[]> {
    return this.exclusive(async () => {
      const victims = overRetention(this.index.records(), this.index.totalBytes, limits, now);
      for (const victim of victims) await this.removeNow(victim.id);
      return victims;
    });
  }

  /** Waits for queued changes, then closes the journal. */
  async close(): Promise<void> {
    await this.queue.catch(() => {});
    this.journal.close();
  }

  private seenAgain(id: string, at: number): StrangerRecord {
    const updated = this.index.seenAgain(id, at)!;
    this.journal.put(updated);
    return updated;
  }

  private async removeNow(id: string): Promise<StrangerRecord | undefined> {
    const record = this.index.remove(id);
    if (!record) return undefined;
    // Unlisted first: a crash in between leaves an orphan file, removed at the next start.
    this.journal.delete(id);
    await removePictureFile(this.root, pictureFileName(record));
    if (this.journal.linesWritten > 2 * this.index.count + 1000) {
      this.journal.compact(this.index.records());
    }
    return record;
  }

  private exclusive<T>(work: () => Promise<T>): Promise<T> {
    const result = this.queue.then(work, work);
    this.queue = result.catch(() => {});
    return result;
  }

  private load(): void {
    const temps = removeTempFiles(this.root);
    const { records, badLines } = this.journal.read();
    let missing = 0;
    for (const record of records) {
      if (isCompletePictureFile(this.root, pictureFileName(record), record.size)) {
        this.index.add(record);
      } else missing++;
    }
    const orphans = this.removeOrphans();
    this.journal.compact(this.index.records());
    if (temps + badLines + missing + orphans > 0) {
      this.log?.warn('the stranger picture folder was tidied at start', {
        temps,
        badLines,
        missing,
        orphans,
      });
    }
  }

  /** Picture files (or links posing as them) that the index does not list. */
  private removeOrphans(): number {
    let removed = 0;
    for (const name of readdirSync(this.root)) {
      if (!PICTURE_FILE.test(name)) continue;
      const record = this.index.get(name.slice(0, 24));
      const path = join(this.root, name);
      if (record && pictureFileName(record) === name && lstatSync(path).isFile()) continue;
      // unlink removes a planted symlink itself, never what it points to.
      unlinkSync(path);
      removed++;
    }
    return removed;
  }
}

/** A new sighting of this picture, seen once. */
function firstSighting(picture: NewPicture): StrangerRecord {
  return {
    id: newStrangerId(),
    camera: picture.camera,
    at: picture.at,
    firstAt: picture.at,
    count: 1,
    size: picture.bytes.length,
    type: picture.type,
    sha256: picture.sha256,
  };
}
