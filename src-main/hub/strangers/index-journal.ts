// The index on disk: one JSON line per change (`put` a whole record, `del` an id), appended
// after the picture file is complete, so the journal never names a half-written picture. At
// start it is read, checked against the files, and rewritten compactly (temp + rename), which
// also drops a line torn by a crash.
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  writeFileSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { EXTERNAL_ID_PATTERN, STRANGER_ID_PATTERN } from '../../shared/operations/strangers.js';
import type { StrangerRecord } from './stranger-index.js';
import { TEMP_PREFIX } from './picture-files.js';

export const JOURNAL_FILE = 'index.jsonl';

const RecordSchema = z.strictObject({
  id: z.string().regex(STRANGER_ID_PATTERN),
  camera: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  at: z.number().int().nonnegative(),
  firstAt: z.number().int().nonnegative(),
  count: z.number().int().min(1),
  size: z.number().int().min(1),
  type: z.enum(['jpeg', 'png', 'webp']),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  externalId: z.string().regex(EXTERNAL_ID_PATTERN).optional(),
});

const LineSchema = z.discriminatedUnion('op', [
  z.object({ op: z.literal('put'), record: RecordSchema }),
  z.object({ op: z.literal('del'), id: z.string() }),
]);

export class IndexJournal {
  private fd: number | null = null;
  /** Lines written since the last compaction, to know when the journal is worth rewriting. */
  linesWritten = 0;

  constructor(private readonly root: string) {}

  get path(): string {
    return join(this.root, JOURNAL_FILE);
  }

  /** The records the journal lists, in no particular order; bad or torn lines are skipped. */
  read(): { records: StrangerRecord[]; badLines: number } {
    if (!existsSync(this.path)) return { records: [], badLines: 0 };
    const live = new Map<string, StrangerRecord>();
    let badLines = 0;
    for (const line of readFileSync(this.path, 'utf8').split('\n')) {
      if (line === '') continue;
      const parsed = LineSchema.safeParse(parseJson(line));
      if (!parsed.success) {
        badLines++;
        continue;
      }
      if (parsed.data.op === 'put') live.set(parsed.data.record.id, parsed.data.record);
      else live.delete(parsed.data.id);
    }
    return { records: [...live.values()], badLines };
  }

  /** Rewrites the journal as one `put` per record, atomically, and reopens it for appending. */
  compact(records: readonly StrangerRecord[]): void {
    this.close();
    const temp = join(this.root, `${TEMP_PREFIX}${randomBytes(8).toString('hex')}`);
    const text = records.map((record) => JSON.stringify({ op: 'put', record }) + '\n').join('');
    writeFileSync(temp, text, { mode: 0o600, flag: 'wx' });
    const fd = openSync(temp, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    renameSync(temp, this.path);
    this.linesWritten = 0;
    this.fd = openSync(this.path, 'a', 0o600);
  }

  put(record: StrangerRecord): void {
    this.append({ op: 'put', record });
  }

  delete(id: string): void {
    this.append({ op: 'del', id });
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }

  // One small write per line: a process killed mid-way leaves at most one torn last line.
  // Not fsynced: the picture it names already is, and a line lost to a power cut only makes
  // that picture an orphan, removed at the next start.
  private append(line: object): void {
    if (this.fd === null) this.fd = openSync(this.path, 'a', 0o600);
    writeSync(this.fd, JSON.stringify(line) + '\n');
    this.linesWritten++;
  }
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return null;
  }
}
