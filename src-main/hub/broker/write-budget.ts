// A subscriber that stops reading must not hold up anyone else's messages. aedes waits for a
// client's socket to drain before it finishes delivering a message, and delivery to the other
// subscribers waits with it: one stalled reader slows a topic for everybody. So a client's
// writes never ask aedes to wait; instead each client may have at most a budget of bytes queued
// towards it, and one that goes past it is disconnected (as an SSE reader that stops reading is
// dropped), which bounds the hub's memory too.
import type { Writable } from 'node:stream';

/** Queued bytes a client may hold beyond what its socket took, on top of one packet. */
export const WRITE_BUDGET_BYTES = 4 * 1024 * 1024;

export function limitQueuedWrites(
  stream: Writable,
  /** The largest packet allowed (it must fit whole, on top of the budget). */
  maxPacketBytes: () => number,
  onOverflow: (queuedBytes: number) => void,
): void {
  const write = stream.write.bind(stream) as (...args: unknown[]) => boolean;
  stream.write = ((...args: unknown[]) => {
    if (stream.destroyed) return true;
    write(...args);
    const queued = stream.writableLength;
    if (queued > WRITE_BUDGET_BYTES + maxPacketBytes()) {
      onOverflow(queued);
      stream.destroy();
    }
    return true;
  }) as Writable['write'];
}
