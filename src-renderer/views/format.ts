// Small display helpers for the overview.

/** `3 d 4 h`, `2 h 05 min`, `4 min 09 s`, `12 s`: two units are plenty for an uptime. */
export function formatDuration(totalSeconds: number): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return `${days} d ${hours} h`;
  if (hours > 0) return `${hours} h ${pad(minutes)} min`;
  if (minutes > 0) return `${minutes} min ${pad(seconds)} s`;
  return `${seconds} s`;
}

export function formatDateTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}

export function formatBroker(broker: string): string {
  return broker === 'embedded' ? 'Embedded (in the hub)' : broker;
}

export function formatPort(port: number | null): string {
  return port === null ? 'off' : String(port);
}
