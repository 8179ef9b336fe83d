// A raw socket speaking MQTT through mqtt-packet, for packets a well-behaved client never sends.
import { connect } from 'node:net';
import type { Socket } from 'node:net';
import mqttPacket from 'mqtt-packet';
import type { Packet } from 'mqtt-packet';
import { HOST } from './broker-fixture.js';
import { ADMIN_PASSWORD } from './test-access.js';

/** A CONNECT with the test's admin token unless told otherwise. */
export function adminConnect(
  fields: Partial<mqttPacket.IConnectPacket> = {},
): mqttPacket.IConnectPacket {
  return {
    cmd: 'connect',
    protocolId: 'MQTT',
    protocolVersion: 4,
    clean: true,
    clientId: `raw-${Math.random().toString(36).slice(2)}`,
    keepalive: 60,
    username: 'token',
    password: Buffer.from(ADMIN_PASSWORD),
    ...fields,
  };
}

/** The same, as the bytes of one packet (to send over a WebSocket, whole or in pieces). */
export function connectPacket(clientId: string): Buffer {
  return mqttPacket.generate(adminConnect({ clientId }));
}

export class RawClient {
  private readonly packets: Packet[] = [];
  private readonly waiters: Array<(packet: Packet) => void> = [];
  /** Resolves when the broker (or anyone) closes the socket. */
  readonly closed: Promise<void>;

  private constructor(readonly socket: Socket) {
    const parser = mqttPacket.parser();
    parser.on('packet', (packet: Packet) => {
      const waiter = this.waiters.shift();
      if (waiter) waiter(packet);
      else this.packets.push(packet);
    });
    socket.on('data', (chunk) => parser.parse(chunk));
    socket.on('error', () => {}); // ECONNRESET/EPIPE are what several tests expect
    this.closed = new Promise((resolve) => socket.once('close', () => resolve()));
  }

  static open(port: number, localAddress?: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const socket = connect({ host: HOST, port, ...(localAddress ? { localAddress } : {}) });
      socket.once('connect', () => resolve(new RawClient(socket)));
      socket.once('error', reject);
    });
  }

  send(packet: Packet): void {
    this.socket.write(mqttPacket.generate(packet));
  }

  /** A CONNECT with the test's admin token unless told otherwise. */
  sendConnect(fields: Partial<mqttPacket.IConnectPacket> = {}): void {
    this.send(adminConnect(fields));
  }

  /**
   * A CONNECT built byte by byte: mqtt-packet refuses to write the illegal ones (an empty
   * client id with CleanSession=0, or under MQTT 3.1) that these tests need to send.
   */
  sendRawConnect(fields: {
    clientId: string;
    clean: boolean;
    protocolVersion?: 3 | 4;
    keepalive?: number;
  }): void {
    const v31 = fields.protocolVersion === 3;
    const str = (text: string) => {
      const bytes = Buffer.from(text, 'utf8');
      return Buffer.concat([Buffer.from([bytes.length >> 8, bytes.length & 0xff]), bytes]);
    };
    const keepalive = fields.keepalive ?? 60;
    const body = Buffer.concat([
      str(v31 ? 'MQIsdp' : 'MQTT'),
      Buffer.from([
        v31 ? 3 : 4,
        0xc0 | (fields.clean ? 0x02 : 0),
        keepalive >> 8,
        keepalive & 0xff,
      ]),
      str(fields.clientId),
      str('token'),
      str(ADMIN_PASSWORD),
    ]);
    this.socket.write(Buffer.concat([Buffer.from([0x10, body.length]), body]));
  }

  nextPacket(timeoutMs = 5000): Promise<Packet> {
    const queued = this.packets.shift();
    if (queued) return Promise.resolve(queued);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(
        () => reject(new Error(`no packet within ${timeoutMs} ms`)),
        timeoutMs,
      );
      this.waiters.push((packet) => {
        clearTimeout(timer);
        resolve(packet);
      });
    });
  }

  /** The return code of the next packet, which must be a CONNACK. */
  async connackCode(timeoutMs = 5000): Promise<number> {
    const packet = await this.nextPacket(timeoutMs);
    if (packet.cmd !== 'connack') throw new Error(`expected CONNACK, got ${packet.cmd}`);
    return packet.returnCode ?? -1;
  }

  isOpen(): boolean {
    return !this.socket.destroyed && this.socket.readyState === 'open';
  }

  destroy(): void {
    this.socket.destroy();
  }
}

/** Rejects if the promise does not settle in time, so a hung broker fails a test, not the run. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<T>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
    }),
  ]).finally(() => clearTimeout(timer));
}
