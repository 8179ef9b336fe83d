// The activity history (contract 3.2 GET /activity): everything that happened apart from lock
// commands, refusals included, in `activity.jsonl`. Entries are made by activityEntry (a code
// and its parameters, see activity-entry.ts), so each says what happened in a form the panel
// can word in any language, with the hub's English beside it.
import type { MessageParams } from '../../shared/messages/define-messages.js';
import type { Who } from '../../shared/who.js';
import type { Logger } from '../log.js';
import { JsonlHistory, type HistoryEntry } from '../history/jsonl-history.js';

export interface ActivityEntry extends HistoryEntry {
  /** What happened, e.g. `device_pending`, `mqtt_refused`, `action_error` (activityKinds). */
  kind: string;
  /** Exactly what: an activity code, or a warning code / action problem for those kinds. */
  code: string;
  params: MessageParams;
  /** The hub's English, made from code and parameters. */
  message: string;
  /** Who did it, as the hub's log says it: a device id, `token admin`, an address. */
  actor?: string;
  /** Who did it, in the family's terms. */
  by?: Who;
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
    return this.history.append({
      ...input,
      params: capped(input.params),
      message: input.message.slice(0, MAX_MESSAGE_CHARS),
    });
  }

  query(limit: number, before?: number): ActivityEntry[] {
    return this.history.query(limit, before);
  }

  stop(): void {
    this.history.stop();
  }
}

/** A device's or an engine's words can be long; the history keeps what a row can show. */
function capped(params: MessageParams): MessageParams {
  const kept: MessageParams = {};
  for (const [name, value] of Object.entries(params)) {
    kept[name] = typeof value === 'string' ? value.slice(0, MAX_MESSAGE_CHARS) : value;
  }
  return kept;
}
