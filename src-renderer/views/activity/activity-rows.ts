// The three sources of the Activity view (live events, the activity history, the lock audit
// log) as one row shape, so one table, one filter and one export serve them all. Every cell is
// worded by the panel from the hub's codes (hub-text.ts); what devices and people named (a
// device's name, an engine's error) appears inside those sentences, as plain text.
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import {
  commandText,
  entryWhoText,
  lockStateText,
  resultText,
  whoText,
} from '../home/lock-words.js';
import { activityKindText, activityText } from '../hub-text/hub-text.js';
import type { Speaker } from '../hub-text/speaker.js';

export interface ActivityRow {
  key: string;
  at: string;
  /** What the Kind column and the filter show. */
  kind: string;
  /** What the kind filter matches: the hub's kind or event type, or the lock command. */
  kindCode: string;
  device: string;
  who: string;
  details: string;
  /** The entry as the hub sent it, for the JSON export. */
  raw: unknown;
}

export type ActivityEntry = OperationOutput<'listActivity'>['entries'][number];
export type AuditEntry = OperationOutput<'listAudit'>['entries'][number];

export function historyRow(entry: ActivityEntry, speaker: Speaker): ActivityRow {
  const { t } = speaker;
  const params = entry.params ?? {};
  const named = typeof params.name === 'string' && typeof params.id === 'string';
  // An entry with a code says who in `by`, if anyone; only older entries name them in `actor`.
  const who =
    entry.code === undefined
      ? entryWhoText(entry.by, entry.actor, t)
      : entry.by
        ? whoText(entry.by, t)
        : '';
  return {
    key: `history-${entry.seq}`,
    at: entry.at,
    kind: activityKindText(entry.kind, t),
    kindCode: entry.kind,
    device: named
      ? `${String(params.name)} (${String(params.id)})`
      : typeof params.id === 'string'
        ? params.id
        : entry.code === undefined && entry.kind.startsWith('device_')
          ? (entry.actor ?? '')
          : '',
    who: [who, entry.address].filter(Boolean).join(' · '),
    details: activityText(entry, speaker),
    raw: entry,
  };
}

export function auditRow(entry: AuditEntry, { t }: Speaker): ActivityRow {
  const state = lockStateText(entry.state, t);
  const ms = Math.round(entry.ms);
  return {
    key: `audit-${entry.seq}`,
    at: entry.at,
    kind: commandText(entry.command, t),
    kindCode: entry.command.toLowerCase(),
    device: `${entry.lockName} (${entry.lockId})`,
    who: entryWhoText(entry.by, entry.actor, t),
    details:
      entry.result === 'ok'
        ? t('activity.audit.ok', { state, ms })
        : t('activity.audit.failed', { result: resultText(entry.result, t), state, ms }),
    raw: entry,
  };
}

export interface RowFilter {
  kind: string;
  device: string;
  text: string;
}

export function filterRows(rows: ActivityRow[], filter: RowFilter): ActivityRow[] {
  const device = filter.device.trim().toLowerCase();
  const words = filter.text.trim().toLowerCase();
  return rows.filter(
    (row) =>
      (filter.kind === '' || row.kindCode === filter.kind) &&
      (device === '' || row.device.toLowerCase().includes(device)) &&
      (words === '' ||
        `${row.kind} ${row.device} ${row.who} ${row.details}`.toLowerCase().includes(words)),
  );
}

/** The kinds present, as the filter offers them: by label, each once. */
export function kindsOf(rows: ActivityRow[]): Array<{ code: string; label: string }> {
  const kinds = new Map<string, string>();
  for (const row of rows) kinds.set(row.kindCode, row.kind);
  return [...kinds]
    .map(([code, label]) => ({ code, label }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
