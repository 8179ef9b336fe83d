// The three sources of the Activity view (live events, the activity history, the lock audit
// log) as one row shape, so one table, one filter and one export serve them all. Texts here
// come from the hub and its devices: they are shown as plain text, never as markup.
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { LiveEvent } from '../../hooks/live-event-log.js';

export interface ActivityRow {
  key: string;
  at: string;
  kind: string;
  device: string;
  who: string;
  details: string;
  /** The entry as the hub sent it, for the JSON export. */
  raw: unknown;
}

export type ActivityEntry = OperationOutput<'listActivity'>['entries'][number];
export type AuditEntry = OperationOutput<'listAudit'>['entries'][number];

export function liveRow({ n, event }: LiveEvent): ActivityRow {
  const data = event.data as Record<string, unknown>;
  const device = data.device as { id: string; name: string } | undefined;
  return {
    key: `live-${n}`,
    at: event.at,
    kind: event.type,
    device: device ? `${device.name} (${device.id})` : text(data.id ?? data.camera),
    who: text(
      event.type === 'lock_command'
        ? data.source
        : event.type === 'action_error'
          ? data.caller
          : '',
    ),
    details: describeEvent(event),
    raw: event,
  };
}

export function historyRow(entry: ActivityEntry): ActivityRow {
  return {
    key: `history-${entry.seq}`,
    at: entry.at,
    kind: entry.kind,
    device: entry.kind.startsWith('device_') ? text(entry.actor) : '',
    who: [entry.actor, entry.address].filter(Boolean).join(' · '),
    details: entry.message,
    raw: entry,
  };
}

export function auditRow(entry: AuditEntry): ActivityRow {
  const outcome = [
    entry.result,
    entry.state && `state ${entry.state}`,
    `${Math.round(entry.ms)} ms`,
    entry.message,
  ];
  return {
    key: `audit-${entry.seq}`,
    at: entry.at,
    kind: entry.command.toLowerCase(),
    device: `${entry.lockName} (${entry.lockId})`,
    who: `${entry.actor} · ${entry.source}`,
    details: outcome.filter(Boolean).join(' · '),
    raw: entry,
  };
}

function describeEvent(event: HubEvent): string {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'device_joined':
    case 'device_pending':
    case 'device_rejected':
    case 'device_updated': {
      const device = data.device as { kind: string; status: string; availability: string };
      return `${device.kind} · ${device.status} · ${device.availability}`;
    }
    case 'device_left':
      return text(data.reason);
    case 'availability':
      return text(data.availability);
    case 'device_state':
      return withBattery(text(data.state), data.battery);
    case 'lock_state':
      return withBattery(`${text(data.previous)} → ${text(data.state)}`, data.battery);
    case 'lock_command':
      return `${text(data.command)} → ${text(data.result)} (${text(data.ms)} ms)`;
    case 'stranger':
      return `${text(data.id)} · ${text(data.size)} B`;
    case 'warning':
      return `${text(data.code)}: ${text(data.message)}`;
    case 'action_error':
      return `${text(data.action)} · ${text(data.code)}: ${text(data.message)}`;
    case 'permit_join':
      return data.open ? `open, ${text(data.secondsLeft)} s` : 'closed';
    default:
      return JSON.stringify(data);
  }
}

function withBattery(state: string, battery: unknown): string {
  return typeof battery === 'number' ? `${state} · ${battery}%` : state;
}

function text(value: unknown): string {
  return value === undefined || value === null ? '' : String(value);
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
      (filter.kind === '' || row.kind === filter.kind) &&
      (device === '' || row.device.toLowerCase().includes(device)) &&
      (words === '' ||
        `${row.kind} ${row.device} ${row.who} ${row.details}`.toLowerCase().includes(words)),
  );
}
