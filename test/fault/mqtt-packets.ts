// MQTT 3.1.1 packets built byte by byte (mqtt-packet refuses to write the broken ones these
// tests need) and seeded mutations of them, so every fuzz run is the same run and a failure
// can be replayed from its seed.
export { seededRandom, type Random } from '../helpers/seeded-random.js';
import type { Random } from '../helpers/seeded-random.js';

export const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)]!;
const int = (random: Random, max: number) => Math.floor(random() * max);

export function remainingLength(length: number): Buffer {
  const bytes: number[] = [];
  do {
    let byte = length % 128;
    length = Math.floor(length / 128);
    if (length > 0) byte |= 0x80;
    bytes.push(byte);
  } while (length > 0);
  return Buffer.from(bytes);
}

const u16 = (n: number) => Buffer.from([(n >> 8) & 0xff, n & 0xff]);
const str = (bytes: Buffer) => Buffer.concat([u16(bytes.length), bytes]);
const frame = (first: number, body: Buffer) =>
  Buffer.concat([Buffer.from([first]), remainingLength(body.length), body]);

export function connect(clientId: string, username?: string, password?: string): Buffer {
  const flags = 0x02 | (username !== undefined ? 0x80 : 0) | (password !== undefined ? 0x40 : 0);
  return frame(
    0x10,
    Buffer.concat([
      str(Buffer.from('MQTT')),
      Buffer.from([4, flags, 0, 60]),
      str(Buffer.from(clientId)),
      ...(username !== undefined ? [str(Buffer.from(username))] : []),
      ...(password !== undefined ? [str(Buffer.from(password))] : []),
    ]),
  );
}

/** Topics a fuzzer should try: deep, long, wildcards where none may be, $, invalid UTF-8. */
function topic(random: Random): Buffer {
  switch (int(random, 8)) {
    case 0:
      return Buffer.from(Array.from({ length: 150 }, (_, i) => `l${i}`).join('/'));
    case 1:
      return Buffer.alloc(65_000, 0x61); // a 64 KB topic
    case 2:
      return Buffer.from([0x68, 0xc0, 0x80, 0x2f, 0xff, 0xfe]); // overlong NUL, bytes never UTF-8
    case 3:
      return Buffer.from(pick(random, ['hearth/action', 'hearth/devices/door1/state', '$SYS/x']));
    case 4:
      return Buffer.from(pick(random, ['a/#/b', '+', '#', 'a/+x', '']));
    case 5:
      return Buffer.from('hearth/devices/x/set\u0000');
    default:
      return Buffer.from(`fuzz/${int(random, 1000)}`);
  }
}

/** A packet of a type chosen at random, well-formed or nearly so. */
export function randomPacket(random: Random): Buffer {
  const id = u16(int(random, 65536));
  switch (int(random, 13)) {
    case 0: {
      const qos = int(random, 4); // 3 is illegal
      const body = [str(topic(random)), ...(qos > 0 ? [id] : []), Buffer.alloc(int(random, 64))];
      return frame(0x30 | (qos << 1) | int(random, 2) | (int(random, 2) << 3), Buffer.concat(body));
    }
    case 1: {
      const filters = Array.from({ length: 1 + int(random, 4) }, () =>
        Buffer.concat([str(topic(random)), Buffer.from([int(random, 4)])]),
      );
      return frame(pick(random, [0x82, 0x80, 0x83]), Buffer.concat([id, ...filters]));
    }
    case 2:
      return frame(0xa2, Buffer.concat([id, str(topic(random))]));
    case 3:
      return frame(0x40, id); // PUBACK for nothing
    case 4:
      return frame(0x50, id); // PUBREC
    case 5:
      return frame(pick(random, [0x62, 0x60]), id); // PUBREL, and with bad flags
    case 6:
      return frame(0x70, id); // PUBCOMP
    case 7:
      return frame(0xc0, Buffer.alloc(0)); // PINGREQ
    case 8:
      return frame(0xe0, Buffer.alloc(0)); // DISCONNECT
    case 9:
      return connect(`again-${int(random, 100)}`); // a second CONNECT is a protocol violation
    case 10:
      return frame(0xf0, Buffer.alloc(int(random, 8))); // AUTH (MQTT 5 only) / reserved
    case 11:
      return frame(0x00, Buffer.alloc(int(random, 8))); // reserved type 0
    default:
      return frame(pick(random, [0x20, 0x90, 0xb0, 0xd0]), id); // server-only packets
  }
}

/** One of the mutations real fuzzers use, applied to a packet. */
export function mutate(random: Random, packet: Buffer): Buffer {
  switch (int(random, 6)) {
    case 0:
      return packet.subarray(0, int(random, packet.length)); // truncated at any byte
    case 1: {
      const copy = Buffer.from(packet);
      copy[0] = copy[0]! ^ (1 << int(random, 8)); // a flipped bit in type or flags
      return copy;
    }
    case 2: // a 5-byte remaining length (at most 4 are allowed)
      return Buffer.concat([packet.subarray(0, 1), Buffer.from([0xff, 0xff, 0xff, 0xff, 0x7f])]);
    case 3: {
      const copy = Buffer.from(packet); // one random byte anywhere
      if (copy.length > 0) copy[int(random, copy.length)] = int(random, 256);
      return copy;
    }
    case 4: // a length that promises more than follows
      return Buffer.concat([
        packet.subarray(0, 1),
        remainingLength(packet.length + 500),
        packet.subarray(2),
      ]);
    default:
      return packet;
  }
}
