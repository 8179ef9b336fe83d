// Display helpers for the device list.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { PillTone } from '../../components/StatusPill.js';

export function statusTone(status: DeviceView['status']): PillTone {
  return status === 'approved' ? 'ok' : status === 'pending' ? 'warn' : 'bad';
}

/** "just now", "5 min ago", "3 h ago", else the date; "never" for null. */
export function formatAgo(iso: string | null, now: number): string {
  if (!iso) return 'never';
  const then = new Date(iso).getTime();
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1_000));
  if (seconds < 45) return 'just now';
  if (seconds < 3_600) return `${Math.round(seconds / 60)} min ago`;
  if (seconds < 86_400) return `${Math.round(seconds / 3_600)} h ago`;
  return new Date(then).toLocaleString();
}

export function formatBattery(battery: number | null): string {
  return battery === null ? '—' : `${battery}%`;
}
