// The activity history (contract 3.2 GET /activity): everything that happened apart from lock
// commands, refusals included. Kept as JSON lines in `activity.jsonl` in the data folder (an
// append never rewrites what is there), rotated at a size cap so that a flood cannot fill the
// disk, with the newest entries in memory for quick queries.
import { appendFileSync, existsSync, readFileSync, renameSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Logger } from '../log.js';

export interface ActivityEntry {
  /** Increasing within one data folder; used for paging (`before`). */
  seq: number;
  at: string;
  /** What happened, e.g. `device_pending`, `mqtt_refused`, `action_error`. */
  kind: string;
  message: string;
  /** Who did it: a device id, `token admin`, an address. */
  actor?: string;
  address?: string;
  data?: Record<string, unknown>;
}

export type ActivityInput = Omit<ActivityEntry, 'seq' | 'at'>;

export const ACTIVITY_FILE = 'activity.jsonl';
const MAX_FILE_BYTES = 4 * 1024 * 1024;
const MEMORY_ENTRIES = 2_000;
const MAX_MESSAGE_CHARS = 500;

export class ActivityLog {
  private readonly entries: ActivityEntry[] = [];
  private readonly file: string;
  private seq = 0;
  private bytes = 0;

  constructor(
    dataDir: string,
    private readonly log: Logger,
  ) {
    this.file = join(dataDir, ACTIVITY_FILE);
    this.loadTail();
  }

  record(input: ActivityInput): ActivityEntry {
    const entry: ActivityEntry = {
      ...input,
      message: input.message.slice(0, MAX_MESSAGE_CHARS),
      seq: ++this.seq,
      at: new Date().toISOString(),
    };
    this.entries.push(entry);
    if (this.entries.length > MEMORY_ENTRIES) this.entries.shift();
    this.append(JSON.stringify(entry) + '\n');
    return entry;
  }

  /** Newest first; `before` is a seq number from an earlier page. */
  query(limit: number, before?: number): ActivityEntry[] {
    const result: ActivityEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && result.length < limit; i--) {
      const entry = this.entries[i]!;
      if (before === undefined || entry.seq < before) result.push(entry);
    }
    return result;
  }

  private append(line: string): void {
    try {
      if (this.bytes + line.length > MAX_FILE_BYTES) {
        renameSync(this.file, `${this.file}.1`);
        this.bytes = 0;
      }
      appendFileSync(this.file, line, { mode: 0o600 });
      this.bytes += Buffer.byteLength(line);
    } catch (error) {
      // The history is for people; failing to write it must not stop the hub.
      this.log.warn('could not write the activity history', { error });
    }
  }

  private loadTail(): void {
    if (!existsSync(this.file)) return;
    try {
      this.bytes = statSync(this.file).size;
      const lines = readFileSync(this.file, 'utf8').split('\n');
      for (const line of lines.slice(-MEMORY_ENTRIES - 1)) {
        const entry = parseEntry(line);
        if (entry) this.entries.push(entry);
      }
      this.seq = this.entries.at(-1)?.seq ?? 0;
    } catch (error) {
      this.log.warn('could not read the activity history; starting a new page of it', { error });
    }
  }
}

function parseEntry(line: string): ActivityEntry | null {
  if (line.trim() === '') return null;
  try {
    const value = JSON.parse(line) as Partial<ActivityEntry>;
    if (typeof value.seq !== 'number' || typeof value.kind !== 'string') return null;
    return value as ActivityEntry;
  } catch {
    // A line cut short by a crash: skip it, keep the rest.
    return null;
  }
}
