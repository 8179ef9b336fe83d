// The lock audit log (contract 2.4): every lock, unlock and open, from any source, with who
// asked, the outcome and how long it took. Append-only JSON lines in `audit.jsonl`.
import type { Who } from '../../shared/who.js';
import type { Logger } from '../log.js';
import { JsonlHistory, type HistoryEntry } from '../history/jsonl-history.js';
import type { CommandWord, LockErrorCode } from './lock-types.js';

export interface AuditEntry extends HistoryEntry {
  lockId: string;
  lockName: string;
  command: CommandWord;
  /** Where the command came from: http, mqtt, panel, auto-relock, an action file (lock-all keeps its caller's). */
  source: string;
  /** Who asked: a token, a device, the desktop app, the hub itself. */
  actor: string;
  /** The same, in the family's terms ("Anna's phone"), for the panel. */
  by: Who;
  result: 'ok' | LockErrorCode;
  /** The state the lock reported last, lower case. */
  state: string;
  ms: number;
  message?: string;
}

export const AUDIT_FILE = 'audit.jsonl';

export class AuditLog {
  private readonly history: JsonlHistory<AuditEntry>;

  constructor(dataDir: string, log: Logger, retentionDays: () => number) {
    this.history = new JsonlHistory(dataDir, AUDIT_FILE, retentionDays, log);
  }

  record(entry: Omit<AuditEntry, 'seq' | 'at'>): AuditEntry {
    return this.history.append(entry);
  }

  query(limit: number, before?: number): AuditEntry[] {
    return this.history.query(limit, before);
  }

  exportLines(): string {
    return this.history.exportLines();
  }

  stop(): void {
    this.history.stop();
  }
}
