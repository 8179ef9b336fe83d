// The gallery's index, in memory: every sighting sorted by time, once overall and once per
// camera, plus a map from (camera, SHA-256) for deduplication and one from the external id of a
// sighting another system keys (a Frigate event). "Newest 50", "before this time" and "from this
// camera" are a binary search and a short walk, whatever the number stored.
import type { PictureType } from './picture-format.js';

export interface StrangerRecord {
  id: string;
  camera: string;
  /** Milliseconds: the latest time the camera sent this sighting. The index sorts on it. */
  at: number;
  firstAt: number;
  count: number;
  size: number;
  type: PictureType;
  sha256: string;
  /**
   * Set for a sighting keyed by another system's event (`frigate:<event id>`): one sighting per
   * event, its picture replaced while the event lasts, never deduplicated or merged by bytes.
   */
  externalId?: string | undefined;
}

export interface StrangerQuery {
  limit: number;
  /** Only sightings strictly older than this (milliseconds). */
  before?: number | undefined;
  camera?: string | undefined;
}

const older = (a: StrangerRecord, b: StrangerRecord): boolean =>
  a.at < b.at || (a.at === b.at && a.id < b.id);

/** Records sorted oldest first, by (at, id). */
class SortedRecords {
  readonly items: StrangerRecord[] = [];

  insert(record: StrangerRecord): void {
    this.items.splice(this.firstNotOlderThan(record), 0, record);
  }

  remove(record: StrangerRecord): void {
    const index = this.firstNotOlderThan(record);
    if (this.items[index] === record) this.items.splice(index, 1);
  }

  /** Newest first, strictly before `before`. */
  newest(limit: number, before: number | undefined): StrangerRecord[] {
    let end = this.items.length;
    if (before !== undefined) {
      end = this.firstIndex((item) => item.at >= before);
    }
    const result: StrangerRecord[] = [];
    for (let i = end - 1; i >= 0 && result.length < limit; i--) result.push(this.items[i]!);
    return result;
  }

  private firstNotOlderThan(record: StrangerRecord): number {
    return this.firstIndex((item) => !older(item, record));
  }

  /** The first index where `test` turns true (it must be monotonic over the sorted items). */
  private firstIndex(test: (item: StrangerRecord) => boolean): number {
    let low = 0;
    let high = this.items.length;
    while (low < high) {
      const middle = (low + high) >>> 1;
      if (test(this.items[middle]!)) high = middle;
      else low = middle + 1;
    }
    return low;
  }
}

export class StrangerIndex {
  private readonly all = new SortedRecords();
  private readonly byCamera = new Map<string, SortedRecords>();
  private readonly byId = new Map<string, StrangerRecord>();
  private readonly byHash = new Map<string, StrangerRecord>();
  private readonly byExternalId = new Map<string, StrangerRecord>();
  private bytes = 0;

  get count(): number {
    return this.byId.size;
  }

  get totalBytes(): number {
    return this.bytes;
  }

  get(id: string): StrangerRecord | undefined {
    return this.byId.get(id);
  }

  /** The sighting this camera already sent with exactly these bytes. */
  findDuplicate(camera: string, sha256: string): StrangerRecord | undefined {
    return this.byHash.get(hashKey(camera, sha256));
  }

  /** The sighting kept for another system's event. */
  findExternal(externalId: string): StrangerRecord | undefined {
    return this.byExternalId.get(externalId);
  }

  /** The camera's most recent sighting. */
  latestOf(camera: string): StrangerRecord | undefined {
    const items = this.byCamera.get(camera)?.items;
    return items?.[items.length - 1];
  }

  oldest(): StrangerRecord | undefined {
    return this.all.items[0];
  }

  add(record: StrangerRecord): void {
    if (this.byId.has(record.id)) this.remove(record.id);
    this.byId.set(record.id, record);
    // A keyed sighting stands for its event only: other pictures are never counted into it.
    if (record.externalId === undefined)
      this.byHash.set(hashKey(record.camera, record.sha256), record);
    else this.byExternalId.set(record.externalId, record);
    this.all.insert(record);
    let camera = this.byCamera.get(record.camera);
    if (!camera) this.byCamera.set(record.camera, (camera = new SortedRecords()));
    camera.insert(record);
    this.bytes += record.size;
  }

  remove(id: string): StrangerRecord | undefined {
    const record = this.byId.get(id);
    if (!record) return undefined;
    this.byId.delete(id);
    const key = hashKey(record.camera, record.sha256);
    if (this.byHash.get(key) === record) this.byHash.delete(key);
    if (record.externalId !== undefined && this.byExternalId.get(record.externalId) === record) {
      this.byExternalId.delete(record.externalId);
    }
    this.all.remove(record);
    const camera = this.byCamera.get(record.camera);
    camera?.remove(record);
    if (camera && camera.items.length === 0) this.byCamera.delete(record.camera);
    this.bytes -= record.size;
    return record;
  }

  /** Another sighting of a stored one: it moves to its new time. */
  seenAgain(id: string, at: number): StrangerRecord | undefined {
    const record = this.remove(id);
    if (!record) return undefined;
    const updated = { ...record, at: Math.max(at, record.at), count: record.count + 1 };
    this.add(updated);
    return updated;
  }

  query(query: StrangerQuery): StrangerRecord[] {
    const sorted = query.camera === undefined ? this.all : this.byCamera.get(query.camera);
    return sorted ? sorted.newest(query.limit, query.before) : [];
  }

  /** Every record, oldest first (for writing the index file). */
  records(): readonly StrangerRecord[] {
    return this.all.items;
  }
}

const hashKey = (camera: string, sha256: string): string => `${camera}\n${sha256}`;
