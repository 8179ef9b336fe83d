// What the rest of the hub uses to talk MQTT, whichever broker carries it (the embedded one,
// or an external one: see hub-broker.ts).
import type { Principal } from './access.js';

export interface InboundMessage {
  topic: string;
  payload: Buffer;
  /** null for messages that did not come from a connected client. */
  clientId: string | null;
  principal: Principal | null;
}

export interface PublishOptions {
  qos?: 0 | 1;
  retain?: boolean;
  /**
   * After this many seconds the message is dropped rather than delivered (MQTT 5 message expiry,
   * honoured by external brokers; the embedded one delivers at once or never anyway). A lock
   * command carries its confirmation timeout: an unlock delivered late is a break-in.
   */
  expirySeconds?: number;
}

export type MessageHandler = (message: InboundMessage) => void;

export interface MessageBus {
  publish(topic: string, payload: string | Buffer, options?: PublishOptions): Promise<void>;
  /**
   * Hears messages published by clients (never the hub's own) on topics matching `filter`
   * (MQTT wildcards `+` and `#`). A throwing handler is logged and does not affect others.
   * Returns the function that stops listening.
   */
  subscribe(filter: string, handler: MessageHandler): () => void;
  readonly connectedClients: number;
  /** Stops accepting, disconnects everyone, closes listeners; bounded and idempotent. */
  stop(): Promise<void>;
}
