// The embedded MQTT broker: aedes on TCP and WebSocket, hardened where aedes is not (see
// connection-acceptor.ts and aedes-hooks.ts), offered to the hub as a MessageBus.
import type { EventEmitter } from 'node:events';
import { createServer } from 'node:net';
import type { Server } from 'node:net';
import { Aedes } from 'aedes';
import type { Client } from 'aedes';
import type { Logger } from '../log.js';
import type { BrokerAccess, Principal } from './access.js';
import { createAedesHooks } from './aedes-hooks.js';
import { dropWill } from './drop-will.js';
import type { MessageHandler, PublishOptions } from './bus.js';
import type { BrokerConnection, HubBroker } from './hub-broker.js';
import { BusSubscriptions } from './bus-subscriptions.js';
import { ConnectionAcceptor } from './connection-acceptor.js';
import { ConnectionSlots } from './connection-slots.js';
import type { BrokerLimits } from './limits.js';
import { PRE_CONNECT_MAX_PACKET_BYTES, checkLimits } from './limits.js';
import { closeServer, listen } from './listen.js';
import { Presence } from './presence.js';
import type { PresenceListener } from './presence.js';
import { RefusalLog } from '../refusal-log.js';
import { indexRetainedByTopic, type RetainedStore } from './retained-index.js';
import { createTlsListener, type TlsCredentials } from './tls-listener.js';
import { createWsListener } from './ws-listener.js';
import type { WsListener } from './ws-listener.js';

export type { BrokerLimits } from './limits.js';
export type { PresenceEvent, PresenceListener } from './presence.js';

export interface EmbeddedBrokerOptions {
  host: string;
  /** null = that listener off; 0 = any free port. */
  mqttPort: number | null;
  wsPort: number | null;
  /** MQTT over TLS; needs `tls`. Off when null or left out. */
  mqttsPort?: number | null;
  tls?: TlsCredentials;
  limits: BrokerLimits;
  access: BrokerAccess;
  log: Logger;
}

const STOP_TIMEOUT_MS = 2000;
// A WebSocket message may carry a whole MQTT packet plus the start of the next.
const WS_PAYLOAD_SLACK_BYTES = 1024;

interface Parts {
  aedes: Aedes;
  acceptor: ConnectionAcceptor;
  principals: WeakMap<Client, Principal>;
  presence: Presence;
  state: { limits: BrokerLimits };
  log: Logger;
}

export class EmbeddedBroker implements HubBroker {
  readonly description = 'embedded';
  /** The broker is this process: connected for as long as the hub runs. */
  readonly connection: BrokerConnection = {
    state: 'connected',
    since: new Date().toISOString(),
    error: null,
  };
  readonly ports: { mqtt: number | null; mqtts: number | null; ws: number | null } = {
    mqtt: null,
    mqtts: null,
    ws: null,
  };
  private tcp: Server | null = null;
  private tlsServer: Server | null = null;
  private ws: WsListener | null = null;
  private readonly subscriptions: BusSubscriptions;
  private stopping: Promise<void> | null = null;

  private constructor(private readonly parts: Parts) {
    this.subscriptions = new BusSubscriptions(parts.log);
    // Only clients' messages (wills included) reach the hub's handlers: `client` is null for
    // what the hub publishes itself and for aedes's own `$SYS` messages.
    parts.aedes.on('publish', (packet, client) => {
      // Most client traffic is for other clients: build nothing unless a hub filter may match.
      if (!client || !this.subscriptions.wants(packet.topic)) return;
      this.subscriptions.deliver({
        topic: packet.topic,
        payload: Buffer.isBuffer(packet.payload) ? packet.payload : Buffer.from(packet.payload),
        clientId: client.id,
        principal: parts.principals.get(client) ?? null,
      });
    });
  }

  static async start(options: EmbeddedBrokerOptions): Promise<EmbeddedBroker> {
    const state = { limits: checkLimits(options.limits) };
    const limits = () => state.limits;
    const log = options.log;
    const refusals = new RefusalLog(log);
    const addresses = new WeakMap<object, string>();
    const principals = new WeakMap<Client, Principal>();
    // Filled once aedes exists; the hooks only call it after a CONNECT, long after that.
    let presence: Presence | null = null;
    const hooks = createAedesHooks(
      {
        access: options.access,
        maxKeepAliveSeconds: () => state.limits.maxKeepAliveSeconds,
        addressOf: (client) => addresses.get(client.conn) ?? 'unknown',
        refusals,
        onAccessError: (error, fields) =>
          log.error('MQTT access rules failed', { ...fields, error }),
        onAuthenticated: (client, principal) => presence?.authenticated(client, principal),
        debug: (message, fields) => log.debug(message, fields),
      },
      principals,
    );
    const aedes = await Aedes.createBroker({
      ...hooks,
      connectTimeout: aedesConnectTimeout(state.limits),
    });
    indexRetainedByTopic((aedes as unknown as { persistence: RetainedStore }).persistence);
    presence = new Presence(aedes, (error) => log.error('a presence listener failed', { error }));
    aedes.on('clientError', (client, error) =>
      log.debug('MQTT client error', { clientId: client.id, error }),
    );
    // aedes reports persistence failures as 'error'; unheard, that event would end the hub.
    (aedes as EventEmitter).on('error', (error: Error) =>
      log.error('MQTT broker error', { error }),
    );
    aedes.on('connectionError', (_client, error) => log.debug('MQTT connection error', { error }));
    const slots = new ConnectionSlots(limits);
    const acceptor = new ConnectionAcceptor(aedes, { limits, slots, refusals, log, addresses });
    const broker = new EmbeddedBroker({ aedes, acceptor, principals, presence, state, log });
    try {
      await broker.listenAll(options);
    } catch (error) {
      await broker.stop();
      throw error;
    }
    log.info('MQTT broker listening', { host: options.host, ...broker.ports });
    return broker;
  }

  private async listenAll(options: EmbeddedBrokerOptions): Promise<void> {
    const { acceptor } = this.parts;
    if (options.mqttPort !== null) {
      this.tcp = createServer({ noDelay: true }, (socket) => {
        if (acceptor.admit(socket, 'tcp')) acceptor.accept(socket, socket, 'tcp');
        else socket.destroy();
      });
      this.ports.mqtt = await listen(this.tcp, options.host, options.mqttPort, {
        label: 'MQTT',
        option: '--mqtt-port',
      });
    }
    const mqttsPort = options.mqttsPort ?? null;
    if (mqttsPort !== null) {
      if (!options.tls) throw new Error('MQTT over TLS needs the hub certificate');
      this.tlsServer = createTlsListener(
        options.tls,
        {
          admit: (socket) => acceptor.admit(socket, 'tls'),
          accept: (stream, socket) => acceptor.accept(stream, socket, 'tls'),
        },
        this.parts.log,
      );
      this.ports.mqtts = await listen(this.tlsServer, options.host, mqttsPort, {
        label: 'MQTT over TLS',
        option: '--mqtts-port',
      });
    }
    if (options.wsPort !== null) {
      this.ws = createWsListener(wsMaxPayload(this.parts.state.limits), {
        admit: (socket) => acceptor.admit(socket, 'ws'),
        accept: (stream, socket) => acceptor.accept(stream, socket, 'ws'),
      });
      this.ports.ws = await listen(this.ws.server, options.host, options.wsPort, {
        label: 'MQTT over WebSocket',
        option: '--ws-port',
      });
    }
  }

  /** New limits apply to new connections and to the next packet of existing ones. */
  setLimits(limits: BrokerLimits): void {
    this.parts.state.limits = checkLimits(limits);
    // aedes reads its connect timer's length per new client (no typed setter for it).
    (this.parts.aedes as Aedes & { connectTimeout: number }).connectTimeout =
      aedesConnectTimeout(limits);
    this.ws?.setMaxPayload(wsMaxPayload(limits));
  }

  get connectedClients(): number {
    return this.parts.aedes.connectedClients;
  }

  /** Whether a client with this id is connected (or accepted and on its way to its CONNACK). */
  isConnected(clientId: string): boolean {
    return this.parts.presence.isConnected(clientId);
  }

  /**
   * Closes the connection(s) holding this client id at once, without publishing their will (a
   * revoked device's `offline` would otherwise land after its retained messages were cleared).
   * The presence listeners hear it go offline. False if no such client was connected.
   */
  disconnectClient(clientId: string): boolean {
    const holders = this.parts.presence.holders(clientId);
    for (const { client } of holders) this.close(client);
    return holders.length > 0;
  }

  /** Closes every connection whose principal matches (an integration account's, a token's). */
  disconnectWhere(match: (principal: Principal) => boolean): number {
    const matching = this.parts.presence.all().filter((entry) => match(entry.principal));
    for (const { client } of matching) this.close(client);
    return matching.length;
  }

  /**
   * Hears clients come (after a successful CONNACK) and go. A client replaced by a takeover from
   * the same identity gets no offline event (see presence.ts). Returns the function that stops.
   */
  onPresence(listener: PresenceListener): () => void {
    return this.parts.presence.listen(listener);
  }

  onConnectionChange(): () => void {
    return () => {};
  }

  private close(client: Client): void {
    dropWill(this.parts.aedes, client);
    client.close();
  }

  publish(topic: string, payload: string | Buffer, options: PublishOptions = {}): Promise<void> {
    if (this.stopping) return Promise.reject(new Error('the MQTT broker is stopped'));
    if (topic.length === 0 || /[+#\0]/.test(topic)) {
      return Promise.reject(new TypeError(`not a topic to publish on: ${JSON.stringify(topic)}`));
    }
    return new Promise((resolve, reject) => {
      this.parts.aedes.publish(
        {
          cmd: 'publish',
          topic,
          payload: typeof payload === 'string' ? Buffer.from(payload, 'utf8') : payload,
          qos: options.qos ?? 0,
          retain: options.retain ?? false,
          dup: false,
        },
        (error) => (error ? reject(error) : resolve()),
      );
    });
  }

  subscribe(filter: string, handler: MessageHandler): () => void {
    return this.subscriptions.add(filter, handler);
  }

  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    const { aedes, acceptor } = this.parts;
    const closed = [
      this.tcp ? closeServer(this.tcp) : Promise.resolve(),
      this.tlsServer ? closeServer(this.tlsServer) : Promise.resolve(),
      this.ws ? this.ws.close() : Promise.resolve(),
      new Promise<void>((resolve) => aedes.close(() => resolve())),
    ];
    // Also the connections aedes does not know yet (no CONNECT so far).
    acceptor.closeAll();
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<'timeout'>((resolve) => {
      timer = setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS);
    });
    const outcome = await Promise.race([Promise.all(closed), timedOut]);
    clearTimeout(timer);
    if (outcome === 'timeout') this.parts.log.warn('MQTT broker did not close everything in time');
    this.subscriptions.clear();
    this.parts.presence.clear();
  }
}

// Ours (connection-acceptor.ts) covers the whole handshake up to CONNACK and logs; aedes's
// stops at the CONNECT packet, so it is only a backstop set behind ours.
function aedesConnectTimeout(limits: BrokerLimits): number {
  return limits.connectTimeoutMs * 2;
}

function wsMaxPayload(limits: BrokerLimits): number {
  return Math.max(limits.maxPacketBytes, PRE_CONNECT_MAX_PACKET_BYTES) + WS_PAYLOAD_SLACK_BYTES;
}
