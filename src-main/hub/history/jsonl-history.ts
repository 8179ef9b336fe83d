// An append-only history kept as JSON lines in the data folder: the activity history and the
// lock audit log. An append never rewrites what is there; the file is rotated at a size cap so
// that a flood cannot fill the disk, entries older than the retention setting are dropped (by
// an atomic rewrite), and the newest entries are kept in memory for quick paging.
import {
  appendFileSync,
  existsSync,
  readFileSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.js';

export interface HistoryEntry {
  /** Increasing within one data folder; used for paging (`before`). */
  seq: number;
  at: string;
}

const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MEMORY_ENTRIES = 5_000;
const PRUNE_EVERY_MS = 6 * 3600 * 1000;
const DAY_MS = 24 * 3600 * 1000;

export class JsonlHistory<T extends HistoryEntry> {
  private readonly entries: T[] = [];
  readonly file: string;
  private seq = 0;
  private bytes = 0;
  private readonly pruneTimer: NodeJS.Timeout;

  constructor(
    dataDir: string,
    fileName: string,
    private readonly retentionDays: () => number,
    private readonly log: Logger,
  ) {
    this.file = join(dataDir, fileName);
    this.load();
    this.prune();
    this.pruneTimer = setInterval(() => this.prune(), PRUNE_EVERY_MS);
    this.pruneTimer.unref();
  }

  append(input: Omit<T, 'seq' | 'at'>): T {
    const entry = { ...input, seq: ++this.seq, at: new Date().toISOString() } as T;
    this.entries.push(entry);
    if (this.entries.length > MEMORY_ENTRIES) this.entries.shift();
    this.write(JSON.stringify(entry) + '\n');
    return entry;
  }

  /** Newest first; `before` is a seq number from an earlier page. */
  query(limit: number, before?: number): T[] {
    const result: T[] = [];
    for (let i = this.entries.length - 1; i >= 0 && result.length < limit; i--) {
      const entry = this.entries[i]!;
      if (before === undefined || entry.seq < before) result.push(entry);
    }
    return result;
  }

  /** Everything still kept on disk (rotated copy first), oldest first, as JSON lines. */
  exportLines(): string {
    return [`${this.file}.1`, this.file]
      .filter((path) => existsSync(path))
      .map((path) => readFileSync(path, 'utf8'))
      .join('');
  }

  stop(): void {
    clearInterval(this.pruneTimer);
  }

  /** Drops entries older than the retention, rewriting the file atomically. */
  prune(): void {
    const cutoff = new Date(Date.now() - this.retentionDays() * DAY_MS).toISOString();
    try {
      if (existsSync(`${this.file}.1`)) {
        const newestRotated = readFileSync(`${this.file}.1`, 'utf8').trimEnd().split('\n').at(-1);
        const entry = newestRotated ? parseEntry(newestRotated) : null;
        if (!entry || entry.at < cutoff) renameSync(`${this.file}.1`, `${this.file}.expired`);
      }
      if (!existsSync(this.file)) return;
      const lines = readFileSync(this.file, 'utf8')
        .split('\n')
        .filter((line) => line.trim() !== '');
      const kept = lines.filter((line) => (parseEntry(line)?.at ?? '') >= cutoff);
      if (kept.length === lines.length) return;
      const text = kept.map((line) => line + '\n').join('');
      writeFileSync(`${this.file}.tmp`, text, { mode: 0o600 });
      renameSync(`${this.file}.tmp`, this.file);
      this.bytes = Buffer.byteLength(text);
      const keptSeqs = new Set(kept.map((line) => parseEntry(line)?.seq));
      for (let i = this.entries.length - 1; i >= 0; i--) {
        if (!keptSeqs.has(this.entries[i]!.seq)) this.entries.splice(i, 1);
      }
    } catch (error) {
      this.log.warn(`could not trim ${this.file}`, { error });
    }
  }

  private write(line: string): void {
    try {
      if (this.bytes + line.length > MAX_FILE_BYTES) {
        renameSync(this.file, `${this.file}.1`);
        this.bytes = 0;
      }
      appendFileSync(this.file, line, { mode: 0o600 });
      this.bytes += Buffer.byteLength(line);
    } catch (error) {
      // The history is for people; failing to write it must not stop the hub.
      this.log.warn(`could not write ${this.file}`, { error });
    }
  }

  private load(): void {
    if (!existsSync(this.file)) return;
    try {
      this.bytes = statSync(this.file).size;
      const lines = readFileSync(this.file, 'utf8').split('\n');
      for (const line of lines.slice(-MEMORY_ENTRIES - 1)) {
        const entry = parseEntry(line);
        if (entry) this.entries.push(entry as T);
      }
      this.seq = this.entries.at(-1)?.seq ?? 0;
    } catch (error) {
      this.log.warn(`could not read ${this.file}; starting a new page of it`, { error });
    }
  }
}

function parseEntry(line: string): HistoryEntry | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as Partial<HistoryEntry>;
    if (typeof value.seq !== 'number' || typeof value.at !== 'string') return null;
    return value as HistoryEntry;
  } catch {
    // A line cut short by a crash: skip it, keep the rest.
    return null;
  }
}
