// Claiming the broker's `hearth/` namespace on each connection (see leader-record.ts).
// 1. Subscribe to the record, then round-trip a probe message on the same connection: the broker
//    sends the retained record before the probe, so once the probe is back the record (or its
//    absence) is known, without guessing a wait.
// 2. A live record of another hub: this hub is refused (at start, exit 2; later, displaced).
// 3. Else write our own record and wait for it to come back. Two hubs racing both see both
//    records in the broker's one order; the one whose record came last holds the namespace, and
//    the other sees a record written after its own and stands down.
import type { IClientOptions, MqttClient } from 'mqtt';
import { StartupError } from '../../errors.js';
import type { Logger } from '../../log.js';
import { isProcessAlive } from '../../store/process-liveness.js';
import { explainPublishError, subscribeChecked } from './subscribe-checked.js';
import {
  LEADER_TOPIC,
  describeHolder,
  heldByAnother,
  leaderRecord,
  parseLeaderRecord,
  type HubIdentity,
  type LeaderRecord,
} from './leader-record.js';

export type LeaderOutcome = { held: false } | { held: true; error: StartupError };

/** After our record is back, how long another hub's later record still counts as a race. */
const RACE_SETTLE_MS = 300;

export class LeaderClaim {
  private readonly probeTopic: string;
  private last: LeaderRecord | null = null;
  /** Set once our own record came back on this connection. */
  private ownEcho = false;
  private beatenBy: LeaderRecord | null = null;
  private holding = false;
  private firstOutcome: ((outcome: LeaderOutcome) => void) | null = null;
  private probeBack: (() => void) | null = null;
  private echoBack: (() => void) | null = null;

  constructor(
    private readonly self: HubIdentity,
    private readonly log: Logger,
  ) {
    this.probeTopic = `${LEADER_TOPIC}/probe/${self.instance}`;
  }

  /** The connection's will: if this hub dies, the broker says so in the record. */
  will(): IClientOptions['will'] {
    return {
      topic: LEADER_TOPIC,
      payload: Buffer.from(JSON.stringify(leaderRecord(this.self, 'offline'))),
      qos: 1,
      retain: true,
    };
  }

  onFirstOutcome(listener: (outcome: LeaderOutcome) => void): void {
    this.firstOutcome = listener;
  }

  handles(topic: string): boolean {
    return topic === LEADER_TOPIC || topic === this.probeTopic;
  }

  async claim(client: MqttClient): Promise<LeaderOutcome> {
    this.last = null;
    this.ownEcho = false;
    this.beatenBy = null;
    this.holding = false;
    await subscribeChecked(client, [LEADER_TOPIC, this.probeTopic], { nl: false });
    const probed = new Promise<void>((resolve) => (this.probeBack = resolve));
    await client
      .publishAsync(this.probeTopic, 'probe', { qos: 1 })
      .catch((error: unknown) => Promise.reject(explainPublishError(error, this.probeTopic)));
    await probed;
    if (heldByAnother(this.last, this.self, (pid) => isProcessAlive(pid, null))) {
      return this.decided(this.refusal(this.last!));
    }
    const echoed = new Promise<void>((resolve) => (this.echoBack = resolve));
    await this.publishOwn(client, 'online');
    await echoed;
    await new Promise((resolve) => setTimeout(resolve, RACE_SETTLE_MS));
    if (this.beatenBy) return this.decided(this.refusal(this.beatenBy));
    this.holding = true;
    return this.decided({ held: false });
  }

  /**
   * A record or probe arrived. Returns an error when, while holding the namespace, this hub
   * finds another live hub's record: it has been displaced and must stop acting.
   */
  received(client: MqttClient, topic: string, payload: Buffer): Error | null {
    if (topic === this.probeTopic) {
      this.probeBack?.();
      this.probeBack = null;
      return null;
    }
    const record = parseLeaderRecord(payload);
    this.last = record;
    const ours = record?.hubId === this.self.hubId && record.instance === this.self.instance;
    if (ours) {
      this.ownEcho = true;
      this.echoBack?.();
      this.echoBack = null;
      return null;
    }
    const live = heldByAnother(record, this.self, (pid) => isProcessAlive(pid, null));
    if (!this.holding) {
      if (this.ownEcho && live) this.beatenBy = record;
      return null;
    }
    if (live) {
      this.holding = false;
      return this.refusal(record!).error;
    }
    // Another hub's will or farewell replaced our record (one that lost a race, then died):
    // the namespace is still ours, so say so again.
    this.log.info('leader record overwritten by a hub that is gone; restoring ours');
    void this.publishOwn(client, 'online').catch(() => {});
    return null;
  }

  /** On a clean stop: the namespace is free for another hub at once. */
  async resign(client: MqttClient): Promise<void> {
    if (!this.holding) return;
    this.holding = false;
    await this.publishOwn(client, 'offline');
  }

  private publishOwn(client: MqttClient, state: 'online' | 'offline'): Promise<unknown> {
    const record = JSON.stringify(leaderRecord(this.self, state));
    return client
      .publishAsync(LEADER_TOPIC, record, { qos: 1, retain: true })
      .catch((error: unknown) => Promise.reject(explainPublishError(error, LEADER_TOPIC)));
  }

  private refusal(holder: LeaderRecord): LeaderOutcome & { held: true } {
    return {
      held: true,
      error: new StartupError(
        `the broker's hearth/ topics are held by ${describeHolder(holder)}; two hubs on one broker would both act on every device. Stop that hub first, or give this one its own broker`,
      ),
    };
  }

  private decided(outcome: LeaderOutcome): LeaderOutcome {
    this.firstOutcome?.(outcome);
    this.firstOutcome = null;
    return outcome;
  }
}
