// The activity history (contract 3.2 GET /activity): everything that happened apart from lock
// commands, refusals included, in `activity.jsonl`.
import type { Logger } from '../log.js';
import { JsonlHistory, type HistoryEntry } from '../history/jsonl-history.js';

export interface ActivityEntry extends HistoryEntry {
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
const MAX_MESSAGE_CHARS = 500;

export class ActivityLog {
  private readonly history: JsonlHistory<ActivityEntry>;

  constructor(dataDir: string, log: Logger, retentionDays: () => number = () => 365) {
    this.history = new JsonlHistory(dataDir, ACTIVITY_FILE, retentionDays, log);
  }

  record(input: ActivityInput): ActivityEntry {
    return this.history.append({ ...input, message: input.message.slice(0, MAX_MESSAGE_CHARS) });
  }

  query(limit: number, before?: number): ActivityEntry[] {
    return this.history.query(limit, before);
  }

  stop(): void {
    this.history.stop();
  }
}
