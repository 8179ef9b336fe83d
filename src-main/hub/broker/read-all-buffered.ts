// aedes reads a connection with one `conn.read(null)` per 'readable' event (and once more after
// each batch of packets it handled), and relies on that read returning every byte buffered, as
// Node up to 24 did for a paused byte stream. Node 26 changed `readable.read()` without a size
// to return one buffered chunk at a time (nodejs/node#60441). A 'readable' event fires again
// only once the buffer has been emptied, so when several chunks are waiting and the first holds
// no whole packet, aedes parses that chunk, has nothing to handle, and never reads the rest
// until the client sends more. Over WebSocket every frame is its own chunk, and mqtt.js sends
// CONNECT as about ten small frames in one go: the hub sat on the first byte and the client
// timed out waiting for CONNACK. TCP carries a packet in one chunk, so it rarely showed there.
import type { Readable } from 'node:stream';

/**
 * Makes `read()` and `read(null)` on this stream return everything buffered, joined, whichever
 * Node runs: what aedes expects. Reads with a size, and reads in flowing mode (Node's own 'data'
 * delivery, which always went one chunk at a time), are untouched.
 */
export function readAllBuffered<T extends Readable>(stream: T): T {
  const read = stream.read.bind(stream) as (size?: number) => unknown;
  stream.read = function readAll(size?: number | null): unknown {
    if (size !== undefined && size !== null) return read(size);
    if (stream.readableObjectMode) return read();
    const first = read();
    // Node up to 24 has already handed over everything; so has Node 26 if one chunk was waiting.
    if (first === null || stream.readableFlowing === true || stream.readableLength === 0) {
      return first;
    }
    const chunks = [first];
    while (stream.readableLength > 0) {
      const next = read();
      if (next === null) break;
      chunks.push(next);
    }
    return typeof first === 'string' ? chunks.join('') : Buffer.concat(chunks as Uint8Array[]);
  } as T['read'];
  return stream;
}
