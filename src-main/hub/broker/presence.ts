// Who is connected, by client id, as the hub should see it: online after a successful CONNACK,
// offline when that connection goes away. Kept here rather than read from aedes's own client
// table, which a client closing mid-CONNECT can leave pointing at the wrong connection.
//
// Takeovers [MQTT-3.1.4-2]: aedes closes the old connection (publishing its will) before it
// finishes the new one's CONNECT. When the newcomer is the same identity (principalKey: the same
// device reconnecting, joining then with its secret, the same token), the old connection gets
// no offline event: the newcomer's online event follows at its CONNACK, so a device that merely
// reconnected does not flap offline/online. If the newcomer then fails before its CONNACK, it is
// the one reported offline. When the newcomer is someone else, the old one is reported offline.
import type { Aedes, Client, ConnackPacket } from 'aedes';
import type { Principal } from './access.js';
import { principalKey } from './access.js';

export interface PresenceEvent {
  clientId: string;
  principal: Principal;
  online: boolean;
}

export type PresenceListener = (event: PresenceEvent) => void;

interface Entry {
  client: Client;
  principal: Principal;
}

export class Presence {
  /** Connections that got CONNACK 0 and have not gone away (or their same-identity successor). */
  private readonly online = new Map<string, Entry>();
  /** Authenticated connections still on their way to CONNACK. */
  private readonly arriving = new Map<string, Entry>();
  private readonly listeners = new Set<PresenceListener>();

  constructor(
    aedes: Aedes,
    private readonly onListenerError: (error: unknown) => void,
  ) {
    aedes.on('connackSent', (packet: ConnackPacket, client: Client) => {
      if (packet.returnCode === 0) this.arrived(client);
    });
    aedes.on('clientDisconnect', (client: Client) => this.left(client));
  }

  /** Called by the CONNECT hook once the rules have accepted a client. */
  authenticated(client: Client, principal: Principal): void {
    const id = client.id;
    this.arriving.set(id, { client, principal });
    client.conn.once('close', () => {
      if (this.arriving.get(id)?.client === client) this.arriving.delete(id);
    });
  }

  /** Accepted (authenticated) or connected now, under that client id. */
  isConnected(clientId: string): boolean {
    return this.live(this.online.get(clientId)) || this.live(this.arriving.get(clientId));
  }

  /** The connections holding a client id (at most one connected and one arriving). */
  holders(clientId: string): Entry[] {
    return [this.online.get(clientId), this.arriving.get(clientId)].filter(
      (entry): entry is Entry => this.live(entry),
    );
  }

  /** Every live connection, for closing those of one principal. */
  all(): Entry[] {
    return [...this.online.values(), ...this.arriving.values()].filter((entry) => this.live(entry));
  }

  listen(listener: PresenceListener): () => void {
    // A wrapper per call, so the same function added twice is also removed one at a time.
    const entry: PresenceListener = (event) => listener(event);
    this.listeners.add(entry);
    return () => {
      this.listeners.delete(entry);
    };
  }

  clear(): void {
    this.listeners.clear();
  }

  private arrived(client: Client): void {
    const entry = this.arriving.get(client.id);
    if (entry?.client !== client) return; // not one the rules accepted: nothing to report
    this.arriving.delete(client.id);
    this.online.set(client.id, entry);
    this.emit({ clientId: client.id, principal: entry.principal, online: true });
  }

  private left(client: Client): void {
    const entry = this.online.get(client.id);
    if (entry?.client !== client) return; // never reported online, or already handed over
    const successor = this.arriving.get(client.id);
    if (
      successor &&
      successor.client !== client &&
      !successor.client.closed &&
      principalKey(successor.principal) === principalKey(entry.principal)
    ) {
      this.online.set(client.id, successor);
      return;
    }
    this.online.delete(client.id);
    this.emit({ clientId: client.id, principal: entry.principal, online: false });
  }

  private live(entry: Entry | undefined): boolean {
    return entry !== undefined && !entry.client.closed;
  }

  private emit(event: PresenceEvent): void {
    for (const listener of [...this.listeners]) {
      try {
        listener(event);
      } catch (error) {
        this.onListenerError(error);
      }
    }
  }
}
