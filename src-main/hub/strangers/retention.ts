// Which sightings retention removes: the oldest first, until the count, the total bytes and the
// age are all within the settings (privacy first: a picture is kept no longer than it may be).
import type { StrangerSettings } from '../store/state-schema.js';
import type { StrangerRecord } from './stranger-index.js';

const DAY_MS = 24 * 3600 * 1000;

export type RetentionLimits = Pick<
  StrangerSettings,
  'retentionDays' | 'maxCount' | 'maxTotalBytes'
>;

/** `oldestFirst` must be sorted by time, oldest first (the index's order). */
export function overRetention(
  oldestFirst: readonly StrangerRecord[],
  totalBytes: number,
  limits: RetentionLimits,
  now: number,
): StrangerRecord[] {
  const cutoff = now - limits.retentionDays * DAY_MS;
  let count = oldestFirst.length;
  let bytes = totalBytes;
  const victims: StrangerRecord[] = [];
  for (const record of oldestFirst) {
    if (count <= limits.maxCount && bytes <= limits.maxTotalBytes && record.at >= cutoff) break;
    victims.push(record);
    count--;
    bytes -= record.size;
  }
  return victims;
}
