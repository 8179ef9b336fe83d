// A Hearth device over MQTT (contract 2.2–2.3), for firmware written in JavaScript: it joins
// with hand_shake, keeps its secret in a file, logs in with it, announces its availability with
// a will, receives commands on its `set` topic and reports state and pictures. Only `mqtt` and
// Node built-ins: copy this folder into a device's code as it is.
import { EventEmitter } from 'node:events';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import { Backoff } from './backoff.js';
import { describeConnack, HearthDeviceError, type DeviceErrorCode } from './device-error.js';
import { cleanDeviceName, isValidDeviceId } from './device-id.js';
import type {
  DeviceKind,
  DevicePhase,
  HearthDeviceEvents,
  HearthDeviceOptions,
} from './device-types.js';
import { JoinSession } from './join-session.js';
import { forgetSecret, readSecret, writeSecret } from './secret-file.js';
import { deviceTopics, type DeviceTopics } from './topics.js';
import { withTimeout } from './with-timeout.js';

const SUBACK_FAILURE = 128;
const OFFLINE_PUBLISH_TIMEOUT_MS = 3_000;

export class HearthDevice extends EventEmitter<HearthDeviceEvents> {
  readonly id: string;
  readonly kind: DeviceKind;
  readonly name: string;
  readonly secretFile: string;
  readonly topics: DeviceTopics;

  private currentPhase: DevicePhase = 'idle';
  private client: MqttClient | null = null;
  /** The join in progress on `client`, when it connected without a secret. */
  private join: JoinSession | null = null;
  private secret: string | null = null;
  private lastState: string | null = null;
  private publishedState: string | null = null;
  private reconnectTimer: NodeJS.Timeout | null = null;
  private readonly reconnectBackoff: Backoff;
  private readonly handShakeBackoff: Backoff;
  /** Connect again at once when this connection closes (approved: log in with the secret). */
  private connectAtOnce = false;
  private stopping: Promise<void> | null = null;

  constructor(private readonly options: HearthDeviceOptions) {
    super();
    if (!isValidDeviceId(options.id)) {
      throw new RangeError(
        `device id ${JSON.stringify(options.id)} must be 1–64 of A-Z a-z 0-9 . _ -`,
      );
    }
    this.id = options.id;
    this.kind = options.kind;
    this.name = cleanDeviceName(options.name ?? '');
    this.secretFile = options.secretFile;
    this.topics = deviceTopics(options.id);
    this.reconnectBackoff = new Backoff(options.reconnect ?? { initialMs: 1_000, maxMs: 30_000 });
    this.handShakeBackoff = new Backoff(
      options.handShakeRetry ?? { initialMs: 5_000, maxMs: 60_000 },
    );
  }

  get phase(): DevicePhase {
    return this.currentPhase;
  }

  /** Whether the device holds a secret (from its file or a fresh approval). */
  get hasSecret(): boolean {
    return this.secret !== null;
  }

  /** Starts connecting (and joining, without a stored secret). Progress comes as events. */
  start(): void {
    if (this.currentPhase !== 'idle') throw new Error('a HearthDevice starts only once');
    try {
      this.secret = readSecret(this.secretFile, this.id);
    } catch (error) {
      this.fail('secret-file', `cannot read the secret file ${this.secretFile}`, undefined, error);
    }
    this.connectNext();
  }

  /**
   * Reports the device's state, retained: a plain word (`LOCKED`) or, with details, JSON
   * (`{"state":"LOCKED","battery":87}`). While offline it is kept and sent on connecting.
   */
  async reportState(state: string, details: Record<string, unknown> = {}): Promise<void> {
    const extra = Object.entries(details).filter(([, value]) => value !== undefined);
    const payload =
      extra.length > 0 ? JSON.stringify({ state, ...Object.fromEntries(extra) }) : state;
    this.lastState = payload;
    const client = this.client;
    if (this.currentPhase !== 'online' || !client) return;
    await client.publishAsync(this.topics.state, payload, { qos: 1, retain: true });
    this.publishedState = payload;
  }

  /** Sends a picture (JPEG, PNG or WebP bytes) on the `stranger` topic, QoS 1. */
  async sendPicture(bytes: Buffer): Promise<void> {
    await this.onlineClient('send a picture').publishAsync(this.topics.stranger, bytes, { qos: 1 });
  }

  /** Runs an action (`ping`, …) through the device's own inbox; replies come as `reply`. */
  async sendAction(text: string): Promise<void> {
    await this.onlineClient('send an action').publishAsync(this.topics.action, text, { qos: 1 });
  }

  /** Publishes `offline` (when online), disconnects and stops every retry. */
  stop(): Promise<void> {
    this.stopping ??= this.shutDown();
    return this.stopping;
  }

  private async shutDown(): Promise<void> {
    this.clearTimers();
    const client = this.client;
    // From here on, nothing this client does (closing included) reaches the handlers below.
    this.client = null;
    if (client) {
      if (this.currentPhase === 'online') {
        const offline = client.publishAsync(this.topics.availability, 'offline', {
          qos: 1,
          retain: true,
        });
        await withTimeout(offline, OFFLINE_PUBLISH_TIMEOUT_MS).catch(() => undefined);
      }
      await client.endAsync(!client.connected).catch(() => undefined);
    }
    this.setPhase('stopped');
  }

  private connectNext(): void {
    this.reconnectTimer = null;
    if (this.stopping) return;
    if (this.secret !== null) this.connectWithSecret(this.secret);
    else this.connectToJoin();
  }

  private connectToJoin(): void {
    const client = this.open('join', {});
    const join = new JoinSession(
      client,
      { id: this.id, kind: this.kind, name: this.name, handShakeTopic: this.topics.handShake },
      this.handShakeBackoff,
      {
        pending: () => {
          if (this.currentPhase === 'pending') return;
          this.setPhase('pending');
          this.emit('pending');
        },
        rejected: () => {
          this.setPhase('rejected');
          this.emit('rejected');
          client.end(true);
        },
        approved: (secret) => this.approved(client, secret),
        problem: (code, message) => this.fail(code, message),
      },
    );
    this.join = join;
    this.setPhase('joining');
    client.on('connect', () => void join.begin());
  }

  private approved(client: MqttClient, secret: string): void {
    this.secret = secret;
    try {
      writeSecret(this.secretFile, this.id, secret);
    } catch (error) {
      // It still works until the process ends; after that it has to join again.
      this.fail('secret-file', `cannot save the secret to ${this.secretFile}`, undefined, error);
    }
    this.emit('joined');
    this.connectAtOnce = true;
    client.end();
  }

  private connectWithSecret(secret: string): void {
    const client = this.open('secret', {
      username: this.id,
      password: secret,
      will: {
        topic: this.topics.availability,
        payload: Buffer.from('offline'),
        qos: 1,
        retain: true,
      },
    });
    this.setPhase('connecting');
    client.on('connect', () => void this.goOnline(client));
  }

  private open(mode: 'join' | 'secret', identity: IClientOptions): MqttClient {
    const client = mqtt.connect(this.options.url, {
      ...this.options.mqtt,
      ...identity,
      clientId: this.id,
      // Contract 2.3.4: device sessions are clean, so no command waits in a queue.
      clean: true,
      protocolVersion: 4,
      // The kit reconnects itself: it decides between the secret and joining each time.
      reconnectPeriod: 0,
      keepalive: this.options.keepaliveSeconds ?? 30,
      connectTimeout: this.options.connectTimeoutMs ?? 10_000,
    });
    this.client = client;
    client.on('message', (topic, payload) => this.onMessage(client, topic, payload));
    client.on('error', (error) => this.onClientError(mode, error));
    client.on('close', () => this.onClose(client));
    return client;
  }

  private async goOnline(client: MqttClient): Promise<void> {
    try {
      const granted = await client.subscribeAsync([this.topics.set, this.topics.replies], {
        qos: 1,
      });
      for (const grant of granted) {
        if (grant.qos === SUBACK_FAILURE) {
          this.fail('subscribe-refused', `the hub refused the subscription to ${grant.topic}`);
        }
      }
      await client.publishAsync(this.topics.availability, 'online', { qos: 1, retain: true });
      const state = this.lastState;
      if (state !== null) {
        await client.publishAsync(this.topics.state, state, { qos: 1, retain: true });
        this.publishedState = state;
      }
    } catch {
      return; // the connection closed meanwhile: onClose retries
    }
    if (this.client !== client) return;
    this.reconnectBackoff.reset();
    this.setPhase('online');
    // A state reported while the publishes above were in flight.
    if (this.lastState !== null && this.lastState !== this.publishedState) {
      void this.reportState(this.lastState).catch(() => undefined);
    }
  }

  private onMessage(client: MqttClient, topic: string, payload: Buffer): void {
    if (this.client !== client) return;
    if (topic === this.topics.handShake) this.join?.handle(payload);
    else if (topic === this.topics.set) {
      this.emit('command', payload.toString('utf8').trim().toUpperCase(), payload);
    } else if (topic.startsWith(this.topics.replyPrefix)) {
      this.emit('reply', topic.slice(this.topics.replyPrefix.length), payload);
    }
  }

  private onClientError(mode: 'join' | 'secret', error: Error): void {
    const code = (error as Error & { code?: unknown }).code;
    if (typeof code !== 'number') {
      const message = `cannot reach the hub at ${this.options.url}: ${error.message}`;
      this.fail('unreachable', message, undefined, error);
      return;
    }
    if (mode === 'secret' && (code === 4 || code === 5)) {
      // The owner re-paired or removed the device: the secret is dead, so join again.
      this.secret = null;
      try {
        forgetSecret(this.secretFile);
      } catch (fileError) {
        this.fail('secret-file', `cannot remove ${this.secretFile}`, undefined, fileError);
      }
      const message = `the hub refused ${this.id}'s secret (${describeConnack(code)}); joining again`;
      this.fail('secret-refused', message, code);
      return;
    }
    this.fail('refused', `the hub refused ${this.id}: ${describeConnack(code)}`, code);
  }

  private onClose(client: MqttClient): void {
    if (this.client !== client) return;
    this.client = null;
    this.join?.close();
    this.join = null;
    if (this.stopping || this.currentPhase === 'rejected') return;
    if (this.connectAtOnce) {
      this.connectAtOnce = false;
      this.connectNext();
      return;
    }
    this.setPhase('offline');
    this.reconnectTimer = setTimeout(() => this.connectNext(), this.reconnectBackoff.next());
  }

  private onlineClient(what: string): MqttClient {
    if (this.currentPhase !== 'online' || !this.client) {
      const message = `cannot ${what}: ${this.id} is ${this.currentPhase}`;
      throw new HearthDeviceError('not-online', message);
    }
    return this.client;
  }

  private setPhase(phase: DevicePhase): void {
    const previous = this.currentPhase;
    if (previous === phase) return;
    this.currentPhase = phase;
    this.emit('state-change', phase, previous);
  }

  private fail(code: DeviceErrorCode, message: string, connack?: number, cause?: unknown): void {
    // EventEmitter throws on an unheard 'error'; a device must not crash over a retry.
    if (this.listenerCount('error') === 0) return;
    const options = cause === undefined ? undefined : { cause };
    this.emit('error', new HearthDeviceError(code, message, connack, options));
  }

  private clearTimers(): void {
    if (this.reconnectTimer) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = null;
    this.join?.close();
  }
}
