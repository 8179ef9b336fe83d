// What the hub needs from whichever broker carries its MQTT: the embedded aedes broker (the
// default), or an external one (Mosquitto, EMQX) the hub uses as one privileged client.
import type { BrokerLimits } from './limits.js';
import type { Principal } from './access.js';
import type { MessageBus } from './bus.js';
import type { PresenceListener } from './presence.js';

/**
 * `connected`: messages flow and commands can be sent. `connecting`: not yet, or again after a
 * loss (retrying by itself). `unavailable`: the last attempt failed (unreachable, credentials
 * refused, subscriptions refused). `displaced`: another hub holds this broker's `hearth/`
 * namespace; this one does not act on anything until it is restarted.
 */
export type BrokerConnectionState = 'connected' | 'connecting' | 'unavailable' | 'displaced';

export interface BrokerConnection {
  state: BrokerConnectionState;
  /** When it entered that state (ISO time). */
  since: string;
  /** What went wrong last, in words for the owner; null while connected. */
  error: string | null;
}

export interface HubBroker extends MessageBus {
  /** The listeners of the embedded broker; all null on an external broker. */
  readonly ports: { mqtt: number | null; mqtts: number | null; ws: number | null };
  /** "embedded", or the external broker's URL without credentials. */
  readonly description: string;
  readonly connection: BrokerConnection;
  onConnectionChange(listener: (connection: BrokerConnection) => void): () => void;
  /** Whether a client holds that id (embedded only: an external broker does not tell). */
  isConnected(clientId: string): boolean;
  disconnectClient(clientId: string): boolean;
  disconnectWhere(match: (principal: Principal) => boolean): number;
  onPresence(listener: PresenceListener): () => void;
  setLimits(limits: BrokerLimits): void;
}

/** Why a publish was not even tried: the broker cannot be reached (or is not ours to use). */
export class BrokerUnavailableError extends Error {
  override readonly name = 'BrokerUnavailableError';
}
