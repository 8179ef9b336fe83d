// aedes' in-memory persistence answers a SUBSCRIBE's retained messages by testing every
// retained topic against each filter (aedes-persistence's retainedMessagesByPattern). With a
// thousand locks each keeping `state` and `availability` retained, every device's subscription
// scanned 2,000 topics, so joining N devices cost O(N²) (qlobber was a tenth of the hub's CPU
// while 1,000 locks joined). Filters without wildcards, which is all a device subscribes to,
// are answered here from an index by topic; filters with wildcards still go to aedes.
import { Readable } from 'node:stream';

interface RetainedPacket {
  topic: string;
  payload: Buffer | string;
}

/** The part of aedes' persistence this touches (aedes-persistence 11, callback flavour). */
export interface RetainedStore {
  storeRetained(packet: RetainedPacket, callback?: (error: Error | null) => void): unknown;
  createRetainedStreamCombi(patterns: string[]): Readable;
}

const hasWildcard = (filter: string): boolean => filter.includes('+') || filter.includes('#');

/** Patches aedes' persistence in place, before any client connects. */
export function indexRetainedByTopic(persistence: RetainedStore): void {
  const byTopic = new Map<string, RetainedPacket>();
  const storeRetained = persistence.storeRetained.bind(persistence);
  const streamCombi = persistence.createRetainedStreamCombi.bind(persistence);
  persistence.storeRetained = (packet, callback) => {
    // As aedes-persistence does: an empty retained message removes the topic's retained one.
    if (packet.payload.length === 0) byTopic.delete(packet.topic);
    else byTopic.set(packet.topic, { ...packet });
    return storeRetained(packet, callback);
  };
  persistence.createRetainedStreamCombi = (patterns) => {
    if (patterns.some(hasWildcard)) return streamCombi(patterns);
    const found: RetainedPacket[] = [];
    for (const topic of patterns) {
      const packet = byTopic.get(topic);
      if (packet) found.push(packet);
    }
    return Readable.from(found);
  };
}
