// Everything between an accepted socket and aedes: connection caps, TCP_NODELAY, the frame
// guard, and the connect timeout. Nothing reaches `aedes.handle` except through here.
import type { Socket } from 'node:net';
import type { Duplex } from 'node:stream';
import type { Aedes, Client, ConnackPacket } from 'aedes';
import type { Logger } from '../log.js';
import type { ConnectionSlots } from './connection-slots.js';
import { normalizeAddress } from './connection-slots.js';
import type { FrameViolation } from './frame-scanner.js';
import { GuardedConnection, guardSocket } from './guarded-connection.js';
import type { BrokerLimits } from './limits.js';
import { PRE_CONNECT_MAX_PACKET_BYTES } from './limits.js';
import { readAllBuffered } from './read-all-buffered.js';
import type { RefusalLog } from '../refusal-log.js';
import { limitQueuedWrites } from './write-budget.js';

/** How a connection reached the broker (for logs). */
export type Transport = 'tcp' | 'tls' | 'ws';
export interface AcceptorContext {
  limits: () => BrokerLimits;
  slots: ConnectionSlots;
  refusals: RefusalLog;
  log: Logger;
  /** Connection → remote address, read by the aedes hooks to log and decide per peer. */
  addresses: WeakMap<object, string>;
}

export class ConnectionAcceptor {
  private readonly open = new Set<Duplex>();
  private readonly connected = new WeakSet<Client>();
  private readonly connectTimers = new WeakMap<Client, NodeJS.Timeout>();

  constructor(
    private readonly broker: Aedes,
    private readonly context: AcceptorContext,
  ) {
    broker.on('connackSent', (packet: ConnackPacket, client: Client) => {
      if (packet.returnCode !== 0) return;
      this.connected.add(client);
      clearTimeout(this.connectTimers.get(client));
    });
  }

  /** Takes a connection slot for the socket (freed when it closes), or refuses and says so. */
  admit(socket: Socket, transport: Transport): boolean {
    // With Nagle on, a command round trip measured 24 ms at p50 instead of 0.45 ms.
    socket.setNoDelay(true);
    const address = normalizeAddress(socket.remoteAddress);
    const refusal = this.context.slots.acquire(address);
    if (refusal) {
      this.context.refusals.note(
        'warn',
        `cap:${refusal}:${address}`,
        'MQTT connection refused: too many connections',
        {
          address,
          transport,
          cap: refusal === 'global' ? 'maxConnections' : 'maxConnectionsPerAddress',
        },
      );
      return false;
    }
    socket.once('close', () => this.context.slots.release(address));
    return true;
  }

  /** Hands an admitted connection's byte stream to aedes behind the frame guard. */
  accept(stream: Duplex, socket: Socket, transport: Transport): void {
    const address = normalizeAddress(socket.remoteAddress);
    // `client` is read only when bytes arrive, by which time aedes has made it (below).
    const limitFor = () => {
      const limit = this.context.limits().maxPacketBytes;
      // Before CONNECT is accepted nobody is known: no one gets to make the broker buffer much.
      return this.connected.has(client) ? limit : Math.min(limit, PRE_CONNECT_MAX_PACKET_BYTES);
    };
    const onViolation = (violation: FrameViolation) => {
      this.context.refusals.note('warn', `frame:${address}`, 'MQTT connection closed: bad frame', {
        clientId: this.connected.has(client) ? client.id : null,
        address,
        transport,
        ...violation,
      });
    };
    // TCP and TLS: the socket itself, guarded in place; WebSocket: a guarding wrapper.
    const connection: Duplex =
      stream === socket
        ? guardSocket(socket, limitFor, onViolation)
        : new GuardedConnection(stream, limitFor, onViolation);
    // aedes expects one read() to take every buffered byte; Node 26 hands out one chunk.
    readAllBuffered(connection);
    // A client that stops reading is dropped rather than allowed to hold up the others.
    limitQueuedWrites(
      connection,
      () => this.context.limits().maxPacketBytes,
      (queuedBytes) => {
        this.context.refusals.note(
          'warn',
          `slow:${address}`,
          'MQTT client disconnected: it stopped reading what was sent to it',
          {
            clientId: this.connected.has(client) ? client.id : null,
            address,
            transport,
            queuedBytes,
          },
        );
      },
    );
    this.context.addresses.set(connection, address);
    this.open.add(connection);
    // aedes would be told of errors on the connection anyway; this only keeps one from going unhandled.
    connection.on('error', () => {});
    const client: Client = this.broker.handle(connection);

    const connectTimer = setTimeout(() => {
      this.context.refusals.note(
        'info',
        `timeout:${address}`,
        'MQTT connection closed: no CONNECT in time',
        {
          address,
          transport,
          connectTimeoutMs: this.context.limits().connectTimeoutMs,
        },
      );
      connection.destroy();
    }, this.context.limits().connectTimeoutMs);
    this.connectTimers.set(client, connectTimer);
    connection.once('close', () => {
      clearTimeout(connectTimer);
      this.open.delete(connection);
    });
  }

  /** Closes every connection, including those that never finished CONNECT. */
  closeAll(): void {
    for (const connection of this.open) connection.destroy();
    this.open.clear();
  }
}
