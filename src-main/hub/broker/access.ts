// The one place where identity and access plug into the broker. The broker enforces what no
// rule may relax (frame sizes, caps, `$` topics, client-id and keep-alive rules) and asks a
// BrokerAccess about everything that depends on who is connecting.

export type Principal =
  | { kind: 'token'; tokenId: string; scope: 'admin' | 'control' }
  | { kind: 'device'; deviceId: string };

export interface ConnectRequest {
  /** As the client sent it: '' when the client asked the broker to assign one. */
  clientId: string;
  username: string | undefined;
  password: Buffer | undefined;
  /** The remote IP address of the connection (IPv4-mapped IPv6 addresses unwrapped). */
  address: string;
  cleanSession: boolean;
  keepalive: number;
}

/** Return codes are MQTT 3.1.1 CONNACK codes: 2 identifier rejected, 4 bad credentials, 5 not authorized. */
export type AuthResult =
  { ok: true; principal: Principal } | { ok: false; returnCode: 2 | 4 | 5; reason: string };

export interface BrokerAccess {
  authenticate(request: ConnectRequest): Promise<AuthResult>;
  /** Never asked about `$` topics: the broker refuses those itself. */
  authorizePublish(principal: Principal, topic: string, retain: boolean): boolean;
  /** A refusal is answered with SUBACK 0x80 for that filter; the client stays connected. */
  authorizeSubscribe(principal: Principal, topic: string): boolean;
}
