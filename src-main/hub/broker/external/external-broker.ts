// Hearth on a broker it does not run (Mosquitto, an EMQX cluster): the hub is one privileged
// MQTT client. Each connection is a fresh mqtt.js client with a clean session; when it is lost,
// the client is thrown away with everything it had queued, and a new one is made after a
// back-off. Nothing is ever sent late: a lock command published while the broker is away fails
// at once as "broker unavailable", and one in flight when the connection drops is not resent.
import { randomUUID } from 'node:crypto';
import mqtt, { type IClientOptions, type MqttClient } from 'mqtt';
import type { Logger } from '../../log.js';
import type { MessageHandler, PublishOptions } from '../bus.js';
import { BusSubscriptions } from '../bus-subscriptions.js';
import {
  BrokerUnavailableError,
  type BrokerConnection,
  type BrokerConnectionState,
  type HubBroker,
} from '../hub-broker.js';
import { connectionProblem } from './connection-problem.js';
import { subscribeChecked } from './subscribe-checked.js';
import { externalPrincipal, type ExternalDirectory } from './external-principal.js';
import { LeaderClaim, type LeaderOutcome } from './leader-claim.js';
import type { HubIdentity } from './leader-record.js';

export interface ExternalBrokerOptions {
  /** mqtt://, mqtts://, ws:// or wss:// (credentials in it are used, never shown). */
  url: string;
  username?: string;
  password?: string;
  /** Extra CA certificates (PEM) to trust for mqtts:// and wss://. */
  ca?: Buffer;
  identity: Omit<HubIdentity, 'instance'>;
  directory: ExternalDirectory;
  log: Logger;
  /** How long start() waits for the first connection before going on without it. */
  firstConnectMs?: number;
}

const KEEPALIVE_SECONDS = 10;
const BACKOFF_FIRST_MS = 500;
const BACKOFF_MAX_MS = 30_000;
const STOP_TIMEOUT_MS = 2_000;

export class ExternalBroker implements HubBroker {
  readonly ports = { mqtt: null, mqtts: null, ws: null };
  readonly description: string;
  private current: BrokerConnection = {
    state: 'connecting',
    since: new Date().toISOString(),
    error: null,
  };
  private client: MqttClient | null = null;
  /** The connection whose messages count: set once it holds the namespace. */
  private listening: MqttClient | null = null;
  private readonly subscriptions: BusSubscriptions;
  private readonly filters = new Map<string, number>();
  private readonly listeners = new Set<(connection: BrokerConnection) => void>();
  private readonly identity: HubIdentity;
  private readonly leader: LeaderClaim;
  private backoffMs = BACKOFF_FIRST_MS;
  private retryTimer: NodeJS.Timeout | null = null;
  private stopping: Promise<void> | null = null;

  private constructor(private readonly options: ExternalBrokerOptions) {
    this.description = withoutCredentials(options.url);
    this.subscriptions = new BusSubscriptions(options.log);
    this.identity = { ...options.identity, instance: randomUUID() };
    this.leader = new LeaderClaim(this.identity, options.log);
  }

  /**
   * Connects, or goes on without the broker if it cannot be reached in time (the hub keeps
   * serving its API and retries by itself). Refuses to start only when the broker says another
   * live hub holds the namespace.
   */
  static async start(options: ExternalBrokerOptions): Promise<ExternalBroker> {
    const broker = new ExternalBroker(options);
    const first = new Promise<LeaderOutcome | 'late'>((resolve) => {
      broker.leader.onFirstOutcome(resolve);
      setTimeout(() => resolve('late'), options.firstConnectMs ?? 3_000).unref();
    });
    broker.connect();
    const outcome = await first;
    if (outcome !== 'late' && outcome.held) {
      await broker.stop();
      throw outcome.error;
    }
    if (outcome === 'late') {
      options.log.warn('external broker not reachable yet; the hub runs and keeps trying', {
        broker: broker.description,
        error: broker.current.error,
      });
    }
    return broker;
  }

  get connection(): BrokerConnection {
    return this.current;
  }

  get connectedClients(): number {
    return 0;
  }

  onConnectionChange(listener: (connection: BrokerConnection) => void): () => void {
    const entry = (connection: BrokerConnection): void => listener(connection);
    this.listeners.add(entry);
    return () => void this.listeners.delete(entry);
  }

  // Hearth does not run this broker: it cannot see or close other clients' connections. Who may
  // connect is the broker's configuration, which Hearth exports (broker-config/).
  isConnected(): boolean {
    return false;
  }
  disconnectClient(): boolean {
    return false;
  }
  disconnectWhere(): number {
    return 0;
  }
  onPresence(): () => void {
    return () => {};
  }
  setLimits(): void {}

  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    const client = this.client;
    if (this.current.state !== 'connected' || !client?.connected) {
      return Promise.reject(new BrokerUnavailableError(this.unavailableMessage()));
    }
    const properties =
      options.expirySeconds === undefined
        ? undefined
        : { messageExpiryInterval: Math.max(1, Math.ceil(options.expirySeconds)) };
    return new Promise((resolve, reject) => {
      client.publish(
        topic,
        payload,
        {
          qos: options.qos ?? 0,
          retain: options.retain ?? false,
          ...(properties ? { properties } : {}),
        },
        (error) =>
          error
            ? reject(new BrokerUnavailableError(`${this.description}: ${error.message}`))
            : resolve(),
      );
    });
  }

  subscribe(filter: string, handler: MessageHandler): () => void {
    const remove = this.subscriptions.add(filter, handler);
    const count = this.filters.get(filter) ?? 0;
    this.filters.set(filter, count + 1);
    if (count === 0 && this.client?.connected) this.subscribeOnBroker(this.client, [filter]);
    return () => {
      remove();
      const left = (this.filters.get(filter) ?? 1) - 1;
      if (left > 0) return (this.filters.set(filter, left), undefined);
      this.filters.delete(filter);
      if (this.client?.connected) this.client.unsubscribe(filter);
    };
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  /** Why commands cannot be sent now, for errors and the panel. */
  unavailableMessage(): string {
    if (this.current.state === 'displaced')
      return this.current.error ?? 'another hub holds this broker';
    const why = this.current.error ? ` (${this.current.error})` : '';
    return `the MQTT broker at ${this.description} is unavailable${why}; Hearth keeps retrying`;
  }

  private connect(): void {
    if (this.stopping) return;
    const { username, password, ca } = this.options;
    const options: IClientOptions = {
      clientId: `hearth-${this.identity.hubId.slice(0, 8)}-${this.identity.instance.slice(0, 8)}`,
      protocolVersion: 5,
      clean: true,
      keepalive: KEEPALIVE_SECONDS,
      connectTimeout: 5_000,
      reconnectPeriod: 0,
      resubscribe: false,
      queueQoSZero: false,
      will: this.leader.will(),
      ...(username !== undefined ? { username } : {}),
      ...(password !== undefined ? { password } : {}),
      ...(ca ? { ca } : {}),
    };
    const client = mqtt.connect(this.options.url, options);
    this.client = client;
    // mqtt.js leaves Nagle on: every command and reply would wait for the peer's delayed ACK
    // (~40 ms on Linux; the bench measured 44 ms per request/reply until this).
    const noDelay = (): void =>
      (client.stream as { setNoDelay?: (on: boolean) => void } | undefined)?.setNoDelay?.(true);
    noDelay();
    client.on('connect', noDelay);
    client.on('connect', () => void this.connected(client));
    client.on('message', (topic, payload, packet) =>
      this.received(client, topic, payload, packet.retain),
    );
    client.on('error', (error) => this.failed(client, connectionProblem(error)));
    client.on('close', () => this.closed(client));
  }

  private async connected(client: MqttClient): Promise<void> {
    try {
      const outcome = await this.leader.claim(client);
      if (client !== this.client) return;
      if (outcome.held) return this.setState('displaced', outcome.error.message);
      // Listening before subscribing: the retained states and availabilities the broker sends
      // right after the SUBACK are delivered, not dropped as arriving too early.
      this.listening = client;
      await this.subscribeAll(client);
      if (client !== this.client) return;
      this.backoffMs = BACKOFF_FIRST_MS;
      this.setState('connected', null);
      this.options.log.info('connected to the external broker', { broker: this.description });
    } catch (error) {
      this.failed(client, connectionProblem(error));
      client.end(true);
    }
  }

  private subscribeAll(client: MqttClient): Promise<void> {
    return this.subscribeOnBroker(client, [...this.filters.keys()]);
  }

  private subscribeOnBroker(client: MqttClient, filters: string[]): Promise<void> {
    return subscribeChecked(client, filters, { nl: true });
  }

  private received(client: MqttClient, topic: string, payload: Buffer, retained: boolean): void {
    if (client !== this.client) return;
    if (this.leader.handles(topic)) {
      const displaced = this.leader.received(client, topic, payload);
      if (displaced) {
        this.listening = null;
        this.setState('displaced', displaced.message);
        this.options.log.error('another hub took over this broker; this hub stops acting', {
          broker: this.description,
          error: displaced.message,
        });
      }
      return;
    }
    // Only the hub that holds the namespace acts on anything.
    if (this.listening !== client || this.current.state === 'displaced') return;
    this.subscriptions.deliver({
      topic,
      payload,
      clientId: null,
      principal: externalPrincipal(topic, retained, this.options.directory),
    });
  }

  private failed(client: MqttClient, problem: string): void {
    if (client !== this.client) return;
    if (this.current.state === 'displaced') return;
    this.current = { ...this.current, error: problem };
    this.options.log.debug('external broker problem', { broker: this.description, problem });
  }

  private closed(client: MqttClient): void {
    if (client !== this.client || this.stopping) return;
    // Drop whatever it still held (reconnectPeriod 0 + clean: end(true) fails its callbacks).
    client.end(true);
    this.client = null;
    if (this.current.state !== 'displaced') {
      if (this.current.state === 'connected') {
        this.options.log.warn('lost the external broker; retrying', { broker: this.description });
      }
      this.setState('unavailable', this.current.error ?? 'the connection closed');
    }
    const delay = Math.round(this.backoffMs * (0.8 + Math.random() * 0.4));
    this.backoffMs = Math.min(this.backoffMs * 2, BACKOFF_MAX_MS);
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      if (this.current.state !== 'displaced') this.setState('connecting', this.current.error);
      this.connect();
    }, delay);
  }

  private setState(state: BrokerConnectionState, error: string | null): void {
    if (this.current.state === state && this.current.error === error) return;
    const changed = this.current.state !== state;
    this.current = { state, since: changed ? new Date().toISOString() : this.current.since, error };
    if (!changed) return;
    for (const listener of [...this.listeners]) {
      try {
        listener(this.current);
      } catch (listenerError) {
        this.options.log.error('a broker connection listener failed', { error: listenerError });
      }
    }
  }

  private async shutdown(): Promise<void> {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    const client = this.client;
    this.client = null;
    this.subscriptions.clear();
    if (!client) return;
    // Saying "offline" ourselves, then a clean DISCONNECT (which discards the will).
    if (client.connected && this.current.state === 'connected') {
      await Promise.race([this.leader.resign(client), sleep(STOP_TIMEOUT_MS / 2)]);
    }
    await Promise.race([
      new Promise<void>((resolve) => client.end(false, {}, () => resolve())),
      sleep(STOP_TIMEOUT_MS / 2),
    ]);
    client.end(true);
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms).unref());
}

/** The URL to show: never its user name or password. */
export function withoutCredentials(url: string): string {
  const parsed = new URL(url);
  parsed.username = '';
  parsed.password = '';
  return parsed.toString().replace(/\/$/, '');
}
