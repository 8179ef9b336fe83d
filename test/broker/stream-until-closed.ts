// Streams a packet that declares far more bytes than it will ever get to send, and keeps
// writing until the broker closes the socket, while watching this process's memory (the
// broker runs in it).
import type { Socket } from 'node:net';

const MIB = 1024 * 1024;

/** Fixed header of a packet of `type` declaring `remaining` bytes after it. */
export function fixedHeader(type: number, remaining: number): Buffer {
  const bytes = [type << 4];
  let value = remaining;
  do {
    let digit = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) digit |= 0x80;
    bytes.push(digit);
  } while (value > 0);
  return Buffer.from(bytes);
}

export interface StreamResult {
  /** Whether the broker closed the socket before the client ran out of bytes to send. */
  closedByBroker: boolean;
  bytesWritten: number;
  peakRssGrowthMiB: number;
  peakArrayBuffersGrowthMiB: number;
}

export async function streamUntilClosed(
  socket: Socket,
  header: Buffer,
  declaredBytes: number,
): Promise<StreamResult> {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  const before = process.memoryUsage();
  let peakRss = before.rss;
  let peakArrayBuffers = before.arrayBuffers;
  const sample = () => {
    const now = process.memoryUsage();
    peakRss = Math.max(peakRss, now.rss);
    peakArrayBuffers = Math.max(peakArrayBuffers, now.arrayBuffers);
  };
  let closed = socket.destroyed;
  const closing = new Promise<void>((resolve) =>
    socket.once('close', () => {
      closed = true;
      resolve();
    }),
  );
  let written = 0;
  socket.write(header);
  while (!closed && written < declaredBytes) {
    const size = Math.min(chunk.length, declaredBytes - written);
    written += size;
    const flowing = socket.write(size === chunk.length ? chunk : chunk.subarray(0, size));
    sample();
    if (!flowing) {
      await Promise.race([new Promise((resolve) => socket.once('drain', resolve)), closing]);
    } else if (written % (4 * MIB) === 0) {
      await new Promise((resolve) => setImmediate(resolve)); // give the broker its turn
    }
  }
  const closedByBroker = closed;
  if (!closed) socket.destroy();
  await closing;
  sample();
  return {
    closedByBroker,
    bytesWritten: written,
    peakRssGrowthMiB: (peakRss - before.rss) / MIB,
    peakArrayBuffersGrowthMiB: (peakArrayBuffers - before.arrayBuffers) / MIB,
  };
}
