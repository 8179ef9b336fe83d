// The one place where identity and access plug into the broker. The broker enforces what no
// rule may relax (frame sizes, caps, `$` topics, client-id and keep-alive rules, device sessions
// always clean) and asks a BrokerAccess about everything that depends on who is connecting.

export type Principal =
  | { kind: 'token'; tokenId: string; scope: 'admin' | 'control' }
  /** `joining`: not (yet) logged in with a secret; it may only hand_shake (contract 2.3.1). */
  | { kind: 'device'; deviceId: string; stage: 'joining' | 'approved'; address: string }
  | { kind: 'integration'; integrationId: string };

export interface WillMessage {
  topic: string;
  payload: Buffer;
  retain: boolean;
  qos: number;
}

export interface ConnectRequest {
  /** As the client sent it: '' when the client asked the broker to assign one. */
  clientId: string;
  username: string | undefined;
  password: Buffer | undefined;
  /** The remote IP address of the connection (IPv4-mapped IPv6 addresses unwrapped). */
  address: string;
  cleanSession: boolean;
  keepalive: number;
  /** The CONNECT's will. The rules check it like a publish by the principal they pick. */
  will: WillMessage | null;
}

/** Return codes are MQTT 3.1.1 CONNACK codes: 2 identifier rejected, 4 bad credentials, 5 not authorized. */
export type AuthResult =
  { ok: true; principal: Principal } | { ok: false; returnCode: 2 | 4 | 5; reason: string };

/** Something the broker refused, told to the rules so they can keep a history of it. */
export interface Refusal {
  action: 'connect' | 'publish' | 'subscribe';
  /** As the client sent it (the assigned one for an empty id). */
  clientId: string;
  address: string;
  /** null when refused before anyone was known (a CONNECT). */
  principal: Principal | null;
  topic?: string;
  returnCode?: number;
  reason: string;
}

export interface BrokerAccess {
  /** Decides who a CONNECT is, including whether its will is acceptable. */
  authenticate(request: ConnectRequest): Promise<AuthResult>;
  /** Never asked about `$` topics: the broker refuses those itself. Must be O(1) per packet. */
  authorizePublish(principal: Principal, topic: string, retain: boolean, payload: Buffer): boolean;
  /** A refusal is answered with SUBACK 0x80 for that filter; the client stays connected. */
  authorizeSubscribe(principal: Principal, topic: string): boolean;
  /**
   * Whether a message that matched a client's subscription may be delivered to it. For topics
   * that must reach only one client even through a wildcard (a device's secret). Optional.
   */
  authorizeDelivery?(principal: Principal, topic: string): boolean;
  /** Every refusal (the broker's own ones too); the broker has already logged it. Optional. */
  onRefused?(refusal: Refusal): void;
}

/**
 * Who a principal is, across connections: the same device joining and then logging in with its
 * secret is one identity. Used to tell a reconnection from another client taking an id over.
 */
export function principalKey(principal: Principal): string {
  switch (principal.kind) {
    case 'token':
      return `token:${principal.tokenId}`;
    case 'device':
      return `device:${principal.deviceId}`;
    case 'integration':
      return `integration:${principal.integrationId}`;
  }
}
