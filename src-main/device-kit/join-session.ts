// One anonymous connection asking to join (contract 2.3): subscribe to the device's own
// hand_shake topic, send `hand_shake <id> <kind> <name…>` on hearth/action, repeat it with
// backoff while there is no answer or the answer is `pending`, and report the outcome.
import type { MqttClient } from 'mqtt';
import type { Backoff } from './backoff.js';
import type { DeviceErrorCode } from './device-error.js';
import { parseHandShakeReply } from './handshake-reply.js';
import { ACTION_INBOX } from './topics.js';

export interface JoinRequest {
  id: string;
  kind: string;
  name: string;
  handShakeTopic: string;
}

export interface JoinOutcome {
  pending(): void;
  rejected(): void;
  approved(secret: string): void;
  problem(code: DeviceErrorCode, message: string): void;
}

const SUBACK_FAILURE = 128;

export class JoinSession {
  private timer: NodeJS.Timeout | null = null;
  private finished = false;

  constructor(
    private readonly client: MqttClient,
    private readonly request: JoinRequest,
    private readonly backoff: Backoff,
    private readonly outcome: JoinOutcome,
  ) {}

  /** Call once connected. */
  async begin(): Promise<void> {
    const topic = this.request.handShakeTopic;
    try {
      const granted = await this.client.subscribeAsync(topic, { qos: 1 });
      if (granted.some((grant) => grant.qos === SUBACK_FAILURE)) {
        this.outcome.problem('subscribe-refused', `the hub refused the subscription to ${topic}`);
        this.client.end(true);
        return;
      }
    } catch {
      return; // the connection closed meanwhile; the device decides what comes next
    }
    this.send();
  }

  /** A message on the hand_shake topic. */
  handle(payload: Buffer): void {
    if (this.finished) return;
    const reply = parseHandShakeReply(payload);
    if (!reply) {
      const text = JSON.stringify(payload.toString().slice(0, 80));
      this.outcome.problem('protocol', `unexpected hand_shake reply ${text}`);
      return;
    }
    if (reply.kind === 'pending') {
      this.outcome.pending();
      return;
    }
    if (reply.kind === 'rejected') {
      this.close();
      this.outcome.rejected();
      return;
    }
    const { secret } = reply;
    if (secret === null) {
      // Handed out before and lost since: only the owner can help. Keep asking, slowly.
      this.outcome.problem(
        'protocol',
        `the hub approved ${this.request.id} but will not send its secret again: ask the owner to re-pair it`,
      );
      return;
    }
    this.close();
    this.backoff.reset();
    this.outcome.approved(secret);
  }

  /** Stops repeating hand_shake and ignores later answers. */
  close(): void {
    this.finished = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  private send(): void {
    this.timer = null;
    if (this.finished) return;
    const { id, kind, name } = this.request;
    const message = ['hand_shake', id, kind, name].filter(Boolean).join(' ');
    // A refused publish closes the connection (MQTT 3.1.1 has no negative PUBACK).
    this.client.publish(ACTION_INBOX, message, { qos: 1 }, () => undefined);
    // No answer yet, or `pending`: ask again later, less and less often.
    this.timer = setTimeout(() => this.send(), this.backoff.next());
  }
}
