// Small display helpers shared by the views. Those that put words around numbers take the
// panel's `t`; without one they speak English.
import type { HubInfo } from '../../src-main/shared/hub-api.js';
import { translator, type Translate } from '../i18n/translate.js';

const english = translator('en');

/** `3 d 4 h`, `2 h 05 min`, `4 min 09 s`, `12 s`: two units are plenty for an uptime. */
export function formatDuration(totalSeconds: number, t: Translate = english): string {
  const s = Math.max(0, Math.floor(totalSeconds));
  const days = Math.floor(s / 86_400);
  const hours = Math.floor((s % 86_400) / 3_600);
  const minutes = Math.floor((s % 3_600) / 60);
  const seconds = s % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  if (days > 0) return t('common.duration.days', { d: days, h: hours });
  if (hours > 0) return t('common.duration.hours', { h: hours, m: pad(minutes) });
  if (minutes > 0) return t('common.duration.minutes', { m: minutes, s: pad(seconds) });
  return t('common.duration.seconds', { s: seconds });
}

/** `just now`, `42 s ago`, `5 min ago`, `3 h ago`, `2 d ago`; `never` for null. */
export function formatAgo(iso: string | null, now: number, t: Translate = english): string {
  if (!iso) return t('common.ago.never');
  const then = Date.parse(iso);
  if (Number.isNaN(then)) return iso;
  const seconds = Math.max(0, Math.round((now - then) / 1_000));
  if (seconds < 5) return t('common.ago.justNow');
  if (seconds < 60) return t('common.ago.seconds', { n: seconds });
  if (seconds < 3_600) return t('common.ago.minutes', { n: Math.floor(seconds / 60) });
  if (seconds < 86_400) return t('common.ago.hours', { n: Math.floor(seconds / 3_600) });
  return t('common.ago.days', { n: Math.floor(seconds / 86_400) });
}

export function formatDateTime(iso: string, locale?: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString(locale);
}

/** An external broker's connection, in words: what the owner must know when it is away. */
export function formatBrokerConnection(
  connection: HubInfo['brokerConnection'],
  t: Translate,
  locale?: string,
): string {
  return t(`home.hub.brokerState.${connection.state}`, {
    since: formatDateTime(connection.since, locale),
    error: connection.error ?? '—',
  });
}

export function formatBroker(broker: string, t: Translate = english): string {
  return broker === 'embedded' ? t('home.hub.brokerEmbedded') : broker;
}

export function formatPort(port: number | null, t: Translate = english): string {
  return port === null ? t('home.hub.portOff') : String(port);
}

/** `1.2 MB`, `34 kB`, `512 B`. */
export function formatBytes(bytes: number): string {
  if (bytes >= 1_000_000) return `${(bytes / 1_000_000).toFixed(1)} MB`;
  if (bytes >= 1_000) return `${Math.round(bytes / 1_000)} kB`;
  return `${bytes} B`;
}
