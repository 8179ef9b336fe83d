// The aedes hooks: the broker's own rules first (client ids, keep-alive, `$` topics, device
// sessions always clean), then the BrokerAccess for everything that depends on who is connecting.
import type { AedesOptions, AuthenticateError, Client, ConnectPacket } from 'aedes';
import type { BrokerAccess, ConnectRequest, Principal, Refusal } from './access.js';
import type { LogFields } from '../log.js';
import type { RefusalLog } from '../refusal-log.js';

type Hooks = Required<
  Pick<
    AedesOptions,
    'preConnect' | 'authenticate' | 'authorizePublish' | 'authorizeSubscribe' | 'authorizeForward'
  >
>;

export interface HookContext {
  access: BrokerAccess;
  maxKeepAliveSeconds: () => number;
  addressOf: (client: Client) => string;
  refusals: RefusalLog;
  /** A BrokerAccess method threw; the broker refused and goes on. */
  onAccessError: (error: unknown, fields: LogFields) => void;
  /** The rules accepted a client; its CONNACK is on its way. */
  onAuthenticated: (client: Client, principal: Principal) => void;
  debug: (message: string, fields: LogFields) => void;
}

/** Who each connected client is; filled on a successful authentication. */
export type PrincipalTable = WeakMap<Client, Principal>;

const MQTT_3_1 = 3;

export function createAedesHooks(context: HookContext, principals: PrincipalTable): Hooks {
  const { access, refusals } = context;
  // The CONNECT as sent: aedes has replaced an empty client id by the time authenticate runs.
  const requests = new WeakMap<Client, { request: ConnectRequest; packet: ConnectPacket }>();

  const report = (refusal: Refusal): void => {
    try {
      access.onRefused?.(refusal);
    } catch (error) {
      context.onAccessError(error, { clientId: refusal.clientId, address: refusal.address });
    }
  };

  const refuse = (
    client: Client,
    request: ConnectRequest,
    returnCode: 2 | 3 | 4 | 5,
    reason: string,
    principal: Principal | null = null,
  ): AuthenticateError => {
    const clientId = request.clientId || client.id;
    refusals.note('info', `connect:${returnCode}:${request.address}`, 'MQTT connection refused', {
      clientId,
      address: request.address,
      returnCode,
      reason,
    });
    report({
      action: 'connect',
      clientId,
      address: request.address,
      principal,
      returnCode,
      reason,
    });
    return Object.assign(new Error(reason), { returnCode }) as AuthenticateError;
  };

  const decide = async (
    client: Client,
    request: ConnectRequest,
    packet: ConnectPacket,
    version: number,
  ) => {
    // [MQTT-3.1.3-8] an empty id gets a fresh id only with a clean session; MQTT 3.1 has no empty ids.
    if (request.clientId === '' && (!request.cleanSession || version === MQTT_3_1)) {
      return refuse(client, request, 2, 'empty client id needs CleanSession=1');
    }
    // As Mosquitto's max_keepalive does for MQTT 3.1.1 clients: 3.1.1 cannot tell a client
    // to use a shorter keep-alive, so the CONNACK says 0x02 (identifier rejected).
    const maxKeepAlive = context.maxKeepAliveSeconds();
    if (request.keepalive > maxKeepAlive) {
      return refuse(client, request, 2, `keep-alive above ${maxKeepAlive} s`);
    }
    let result;
    try {
      result = await access.authenticate(request);
    } catch (error) {
      context.onAccessError(error, { clientId: request.clientId, address: request.address });
      return refuse(client, request, 3, 'authentication failed inside the hub');
    }
    if (!result.ok) return refuse(client, request, result.returnCode, result.reason);
    const { principal } = result;
    // A client with keep-alive 0 is never timed out: only token clients (apps, scripts) may.
    if (request.keepalive === 0 && principal.kind !== 'token') {
      return refuse(client, request, 2, 'keep-alive 0 is only for token clients', principal);
    }
    if (request.will?.topic.startsWith('$')) {
      return refuse(client, request, 5, "a will on a $ topic: those are the broker's", principal);
    }
    if (principal.kind === 'device') forceCleanSession(client, packet);
    principals.set(client, principal);
    context.onAuthenticated(client, principal);
    return null;
  };

  // A rule that throws refuses: failing closed is the only safe answer for a lock's topics.
  const ask = (client: Client, topic: string, rule: (principal: Principal) => boolean): boolean => {
    const principal = principals.get(client);
    if (!principal) return false;
    try {
      return rule(principal);
    } catch (error) {
      return failedClosed(client, topic, error);
    }
  };
  const failedClosed = (client: Client, topic: string, error: unknown): false => {
    context.onAccessError(error, {
      clientId: client.id,
      address: context.addressOf(client),
      topic,
    });
    return false;
  };
  // The per-message checks (every PUBLISH, every delivery) without a closure per call.
  const mayPublish = (client: Client, topic: string, retain: boolean, payload: Buffer): boolean => {
    const principal = principals.get(client);
    if (!principal) return false;
    try {
      return access.authorizePublish(principal, topic, retain, payload);
    } catch (error) {
      return failedClosed(client, topic, error);
    }
  };
  const mayReceive = (
    client: Client,
    topic: string,
    rule: NonNullable<BrokerAccess['authorizeDelivery']>,
  ): boolean => {
    const principal = principals.get(client);
    if (!principal) return false;
    try {
      return rule(principal, topic);
    } catch (error) {
      return failedClosed(client, topic, error);
    }
  };

  const publishRefused = (client: Client, topic: string, reason: string): Error => {
    const address = context.addressOf(client);
    refusals.note('info', `publish:${address}`, 'MQTT publish refused; client disconnected', {
      clientId: client.id,
      address,
      topic,
      reason,
    });
    const principal = principals.get(client) ?? null;
    report({ action: 'publish', clientId: client.id, address, principal, topic, reason });
    return new Error(reason);
  };

  return {
    preConnect(client, packet: ConnectPacket, callback) {
      const will = packet.will;
      requests.set(client, {
        packet,
        request: {
          clientId: packet.clientId,
          username: packet.username,
          password: packet.password,
          address: context.addressOf(client),
          cleanSession: packet.clean !== false,
          keepalive: packet.keepalive ?? 0,
          will: will
            ? {
                topic: will.topic,
                payload: toBuffer(will.payload),
                retain: will.retain === true,
                qos: will.qos ?? 0,
              }
            : null,
        },
      });
      callback(null, true);
    },

    authenticate(client, _username, _password, done) {
      const connect = requests.get(client);
      if (!connect) {
        done(
          Object.assign(new Error('no CONNECT seen'), { returnCode: 3 }) as AuthenticateError,
          null,
        );
        return;
      }
      const version = (client as Client & { version: number }).version;
      void decide(client, connect.request, connect.packet, version).then((error) =>
        done(error, error === null),
      );
    },

    // MQTT 3.1.1 cannot refuse a PUBLISH: a broker either acknowledges it or closes the
    // connection [MQTT-3.3.5-2]. aedes closes it, which makes a refusal visible to the client.
    authorizePublish(client, packet, callback) {
      if (!client) return callback(null); // the hub's own publications
      const payload = toBuffer(packet.payload);
      if (client.closed) {
        // aedes asks about a closed client only for its will. It was checked at CONNECT; a
        // joining device's will (its own availability) is kept back until it logs in approved.
        const allowed =
          !packet.topic.startsWith('$') && mayPublish(client, packet.topic, packet.retain, payload);
        if (!allowed)
          context.debug('will not published', { clientId: client.id, topic: packet.topic });
        return callback(allowed ? null : new Error('will not allowed now'));
      }
      if (packet.topic.startsWith('$')) {
        return callback(publishRefused(client, packet.topic, "$ topics are the broker's"));
      }
      const allowed = mayPublish(client, packet.topic, packet.retain, payload);
      callback(
        allowed ? null : publishRefused(client, packet.topic, 'not allowed for this client'),
      );
    },

    authorizeSubscribe(client, subscription, callback) {
      const allowed = ask(client, subscription.topic, (principal) =>
        access.authorizeSubscribe(principal, subscription.topic),
      );
      if (allowed) return callback(null, subscription);
      const address = context.addressOf(client);
      const reason = 'subscription not allowed for this client';
      refusals.note('info', `subscribe:${address}`, 'MQTT subscription refused', {
        clientId: client.id,
        address,
        topic: subscription.topic,
      });
      report({
        action: 'subscribe',
        clientId: client.id,
        address,
        principal: principals.get(client) ?? null,
        topic: subscription.topic,
        reason,
      });
      // null, not an error: aedes then answers SUBACK 0x80 instead of dropping the client.
      callback(null, null);
    },

    authorizeForward(client, packet) {
      const rule = access.authorizeDelivery;
      if (!rule) return packet;
      return mayReceive(client, packet.topic, rule) ? packet : null;
    },
  };
}

/**
 * Contract 2.3.4: device sessions are always clean, so nothing (an UNLOCK above all) waits in a
 * queue for a device that is away [MQTT-3.1.2-6]. aedes reads the flag from the CONNECT packet
 * after authentication (fetching or wiping the stored session) and from the client when it
 * queues or delivers, so both are set; the CONNACK then says sessionPresent=0.
 */
function forceCleanSession(client: Client, packet: ConnectPacket): void {
  packet.clean = true;
  (client as Client & { clean: boolean }).clean = true;
}

function toBuffer(payload: string | Buffer | undefined): Buffer {
  if (payload === undefined) return Buffer.alloc(0);
  return Buffer.isBuffer(payload) ? payload : Buffer.from(payload);
}
