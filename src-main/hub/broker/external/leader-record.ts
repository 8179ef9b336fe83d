// One hub per topic namespace (issue #10): the hub holding a broker's `hearth/` topics says so
// in a retained record, and its will turns that record to "offline" if it dies. A second hub
// that finds a live record of another hub refuses to start, so two hubs never both act on a
// device's message or split the state.
import { hostname } from 'node:os';
import { z } from 'zod';

export const LEADER_TOPIC = 'hearth/hub';

export const LeaderRecordSchema = z.object({
  hubId: z.string().max(64),
  /** Random per process: tells this run of a hub from an earlier one (or a copy elsewhere). */
  instance: z.string().max(64),
  name: z.string().max(64),
  host: z.string().max(255),
  pid: z.number().int(),
  version: z.string().max(32),
  state: z.enum(['online', 'offline']),
  since: z.string().max(40),
});

export type LeaderRecord = z.infer<typeof LeaderRecordSchema>;

export interface HubIdentity {
  hubId: string;
  instance: string;
  name: string;
  version: string;
}

export function leaderRecord(identity: HubIdentity, state: 'online' | 'offline'): LeaderRecord {
  return {
    hubId: identity.hubId,
    instance: identity.instance,
    name: identity.name,
    host: hostname(),
    pid: process.pid,
    version: identity.version,
    state,
    since: new Date().toISOString(),
  };
}

/** A record as it came from the broker; null for an empty (cleared) or unreadable one. */
export function parseLeaderRecord(payload: Buffer): LeaderRecord | null {
  if (payload.length === 0 || payload.length > 4096) return null;
  try {
    const parsed = LeaderRecordSchema.safeParse(JSON.parse(payload.toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/**
 * Whether `record` says another hub holds the namespace now. An online record of this very run
 * is ours; one of an earlier run of this hub on this machine whose process is gone is stale (it
 * crashed before the broker noticed and fired its will).
 */
export function heldByAnother(
  record: LeaderRecord | null,
  self: HubIdentity,
  processAlive: (pid: number) => boolean,
): boolean {
  if (!record || record.state !== 'online') return false;
  if (record.hubId === self.hubId && record.instance === self.instance) return false;
  const earlierRunHere =
    record.hubId === self.hubId && record.host === hostname() && !processAlive(record.pid);
  return !earlierRunHere;
}

export function describeHolder(record: LeaderRecord): string {
  const same = record.hubId;
  return `the hub "${record.name}" (id ${same}, Hearth ${record.version}) on ${record.host}, pid ${record.pid}, online since ${record.since}`;
}
