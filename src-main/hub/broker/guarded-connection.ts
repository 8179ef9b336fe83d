// The stream aedes reads from: the connection's bytes pass through a FrameScanner first, and
// the first oversized or malformed frame destroys the connection before aedes sees any of it.
// Writes go straight through. The wrapper serves WebSocket streams; a TCP or TLS socket is
// guarded in place (guardSocket), which spares every packet a second stream in each direction.
import type { Socket } from 'node:net';
import { Duplex } from 'node:stream';
import { FrameScanner } from './frame-scanner.js';
import type { FrameViolation } from './frame-scanner.js';

export class GuardedConnection extends Duplex {
  private readonly scanner: FrameScanner;

  constructor(
    private readonly inner: Duplex,
    limitFor: () => number,
    onViolation: (violation: FrameViolation) => void,
  ) {
    super({ allowHalfOpen: false });
    this.scanner = new FrameScanner(limitFor);
    inner.on('data', (chunk: Buffer) => {
      if (this.destroyed) return;
      const violation = this.scanner.scan(chunk);
      if (violation) {
        onViolation(violation);
        this.destroy();
        return;
      }
      // Backpressure: while aedes is not reading (e.g. during authentication) the socket is
      // paused, so TCP flow control, not our memory, holds what the client keeps sending.
      if (!this.push(chunk)) inner.pause();
    });
    inner.on('end', () => this.push(null));
    inner.on('error', (error) => this.destroy(error));
    inner.on('close', () => this.destroy());
  }

  override _read(): void {
    this.inner.resume();
  }

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    this.inner.write(chunk, callback);
  }

  // mqtt-packet corks the stream while writing one packet's pieces: send them as one write, so
  // that with TCP_NODELAY a packet still leaves as one segment.
  override _writev(
    chunks: Array<{ chunk: Buffer; encoding: BufferEncoding }>,
    callback: (error?: Error | null) => void,
  ): void {
    this.inner.write(Buffer.concat(chunks.map((entry) => entry.chunk)), callback);
  }

  override _final(callback: (error?: Error | null) => void): void {
    this.inner.end();
    callback();
  }

  override _destroy(error: Error | null, callback: (error?: Error | null) => void): void {
    this.inner.destroy();
    callback(error);
  }
}

/**
 * Guards a socket without wrapping it: a net.Socket hands every chunk it reads to its own
 * push() (Node's onStreamRead), so the scanner sits there, before any 'data' listener or
 * reader sees the bytes. aedes then reads and writes the socket itself: native backpressure,
 * and corked packet pieces leave in one writev. Measured per message, the Duplex wrapper was
 * the largest cost the hub added on top of aedes.
 */
export function guardSocket(
  socket: Socket,
  limitFor: () => number,
  onViolation: (violation: FrameViolation) => void,
): Socket {
  const scanner = new FrameScanner(limitFor);
  const push = socket.push.bind(socket);
  socket.push = (chunk: unknown, encoding?: BufferEncoding): boolean => {
    if (chunk === null || socket.destroyed) return push(chunk, encoding);
    const violation = scanner.scan(chunk as Uint8Array);
    if (violation) {
      onViolation(violation);
      socket.destroy();
      return false;
    }
    return push(chunk, encoding);
  };
  return socket;
}
