// Puts MQTT refusals into the activity history (contract 3.2 GET /activity), rate-limited so a
// client retrying in a loop, or a flood from many addresses, cannot fill it: one entry per
// reason and address per window, and a ceiling on all of them together.
import type { Principal, Refusal } from '../broker/access.js';
import { activityEntry } from '../activity/activity-entry.js';
import type { ActivityInput } from '../activity/activity-log.js';
import { NO_NAMES, whoResolver, type WhoOf } from '../who-of.js';

export interface ActivityRecorder {
  record(entry: ActivityInput): unknown;
}

const WINDOW_MS = 60_000;
const MAX_ENTRIES_PER_WINDOW = 100;
const MAX_KEYS = 2_000;

export class RefusalHistory {
  private readonly seen = new Map<string, number>();
  private windowStart = 0;
  private inWindow = 0;

  constructor(
    private readonly activity: ActivityRecorder,
    private readonly now: () => number = Date.now,
    private readonly whoOf: WhoOf = whoResolver(NO_NAMES),
  ) {}

  /** Records the refusal unless one like it (same reason, same address) was recorded lately. */
  note(refusal: Refusal): boolean {
    const now = this.now();
    if (now - this.windowStart >= WINDOW_MS) {
      this.windowStart = now;
      this.inWindow = 0;
    }
    const key = `${refusal.action}:${refusal.returnCode ?? ''}:${refusal.reason}:${refusal.address}`;
    const last = this.seen.get(key);
    if (last !== undefined && now - last < WINDOW_MS) return false;
    if (this.inWindow >= MAX_ENTRIES_PER_WINDOW) return false;
    if (this.seen.size >= MAX_KEYS) this.prune(now);
    this.seen.set(key, now);
    this.inWindow++;
    const who = refusal.principal
      ? describePrincipal(refusal.principal)
      : `client "${refusal.clientId}"`;
    this.activity.record({
      ...describeRefusal(refusal, who),
      actor: refusal.principal ? describePrincipal(refusal.principal) : refusal.clientId,
      by: refusal.principal
        ? this.whoOf(refusal.principal)
        : { kind: 'client', id: refusal.clientId },
      address: refusal.address,
      data: {
        action: refusal.action,
        clientId: refusal.clientId,
        ...(refusal.topic === undefined ? {} : { topic: refusal.topic }),
        ...(refusal.returnCode === undefined ? {} : { returnCode: refusal.returnCode }),
        reason: refusal.reason,
      },
    });
    return true;
  }

  private prune(now: number): void {
    for (const [key, at] of this.seen) if (now - at >= WINDOW_MS) this.seen.delete(key);
    // Still full: every key is recent (a flood); forget them rather than grow.
    if (this.seen.size >= MAX_KEYS) this.seen.clear();
  }
}

const CONNACK_REFUSALS = {
  2: 'identifier_rejected',
  4: 'bad_credentials',
  5: 'not_authorized',
} as const;

function describeRefusal(refusal: Refusal, who: string): ActivityInput {
  const topic = refusal.topic ?? '';
  switch (refusal.action) {
    case 'connect': {
      const returnCode = refusal.returnCode ?? 5;
      const known = CONNACK_REFUSALS[returnCode as keyof typeof CONNACK_REFUSALS];
      return activityEntry('mqtt_connect_refused', {
        who,
        address: refusal.address,
        returnCode,
        refusal: known ?? 'not_authorized',
        reason: refusal.reason,
      });
    }
    case 'publish':
      return activityEntry('mqtt_publish_refused', { who, topic, reason: refusal.reason });
    case 'subscribe':
      return activityEntry('mqtt_subscribe_refused', { who, topic });
  }
}

export function describePrincipal(principal: Principal): string {
  switch (principal.kind) {
    case 'token':
      return `token ${principal.tokenId} (${principal.scope})`;
    case 'device':
      return principal.stage === 'approved'
        ? `device ${principal.deviceId}`
        : `joining device ${principal.deviceId}`;
    case 'integration':
      return `integration ${principal.integrationId}`;
  }
}
