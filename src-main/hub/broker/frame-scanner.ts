// Reads only the fixed headers of the MQTT byte stream (type and declared length), so a
// packet can be refused the moment its length is known, before aedes's parser buffers it.
// aedes has no size limit of its own: a client once pushed 40 MB of a declared 243 MB
// packet and the broker's memory grew by 43 MB.

export const CONNECT_PACKET_TYPE = 1;

export type FrameViolation =
  | { kind: 'too-large'; packetType: number; declaredBytes: number; limitBytes: number }
  | { kind: 'not-connect-first'; packetType: number }
  | { kind: 'malformed-length' };

/**
 * `limitFor()` is asked at the start of each packet, so a new limit (a client that finished
 * CONNECT, changed settings) applies from the next packet on. Sizes count the whole packet,
 * fixed header included, as Mosquitto's max_packet_size and MQTT 5's Maximum Packet Size do.
 */
export class FrameScanner {
  private headerBytes = 0; // bytes of the fixed header read so far (0 = at a packet boundary)
  private packetType = 0;
  private declared = 0;
  private multiplier = 1;
  private bodyLeft = 0;
  private packets = 0;

  constructor(private readonly limitFor: () => number) {}

  /** Returns the first violation in `chunk`, or null when the whole chunk may pass. */
  scan(chunk: Uint8Array): FrameViolation | null {
    let offset = 0;
    while (offset < chunk.length) {
      if (this.bodyLeft > 0) {
        const take = Math.min(this.bodyLeft, chunk.length - offset);
        this.bodyLeft -= take;
        offset += take;
        continue;
      }
      const byte = chunk[offset++] as number;
      if (this.headerBytes === 0) {
        this.packetType = byte >> 4;
        // [MQTT-3.1.0-1] the first packet must be CONNECT: anything else is not MQTT we serve.
        if (this.packets === 0 && this.packetType !== CONNECT_PACKET_TYPE) {
          return { kind: 'not-connect-first', packetType: this.packetType };
        }
        this.headerBytes = 1;
        this.declared = 0;
        this.multiplier = 1;
        continue;
      }
      this.headerBytes++;
      this.declared += (byte & 0x7f) * this.multiplier;
      this.multiplier *= 128;
      if (byte & 0x80) {
        // The remaining length has at most four bytes [MQTT-2.2.3].
        if (this.headerBytes > 4) return { kind: 'malformed-length' };
        continue;
      }
      const total = this.headerBytes + this.declared;
      const limit = this.limitFor();
      if (total > limit) {
        return {
          kind: 'too-large',
          packetType: this.packetType,
          declaredBytes: total,
          limitBytes: limit,
        };
      }
      this.packets++;
      this.headerBytes = 0;
      this.bodyLeft = this.declared;
    }
    return null;
  }
}
