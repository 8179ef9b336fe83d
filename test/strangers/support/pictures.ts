// Real picture containers (JPEG, PNG, WebP) of any size, with deterministic filler so that the
// same seed gives the same bytes (for deduplication) and another seed different ones. They pass
// the hub's byte sniffing exactly as a camera's pictures do; bench/ may import them too.
import { createHash } from 'node:crypto';

/** `size` pseudo-random bytes from `seed` (SHA-256 in counter mode: fast enough, no deps). */
export function filler(size: number, seed: number): Buffer {
  const out = Buffer.alloc(size);
  const block = createHash('sha256').update(`seed ${seed}`).digest();
  for (let offset = 0, counter = 0; offset < size; offset += 32, counter++) {
    block.writeUInt32BE(counter, 0);
    createHash('sha256').update(block).digest().copy(out, offset);
  }
  // No stray FFD9 inside would matter to a decoder, but keep the filler free of 0xFF to be plain.
  for (let i = 0; i < size; i++) if (out[i] === 0xff) out[i] = 0xfe;
  return out;
}

/** SOI, an APP0 (JFIF) segment, filler, EOI: `size` bytes in all (at least 24). */
export function jpeg(size: number, seed = 1): Buffer {
  const head = Buffer.from([
    0xff, 0xd8, 0xff, 0xe0, 0x00, 0x10, 0x4a, 0x46, 0x49, 0x46, 0x00, 0x01, 0x01, 0x00, 0x00, 0x01,
    0x00, 0x01, 0x00, 0x00,
  ]);
  return Buffer.concat([head, filler(size - head.length - 2, seed), Buffer.from([0xff, 0xd9])]);
}

function pngChunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  // The CRC is not checked by the hub; a fixed one keeps this short.
  return Buffer.concat([length, Buffer.from(type, 'latin1'), data, Buffer.alloc(4)]);
}

const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

/** Signature, IHDR, one IDAT of filler, IEND: `size` bytes (at least 57). */
export function png(size: number, seed = 1): Buffer {
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const ihdr = pngChunk('IHDR', Buffer.from([0, 0, 0, 1, 0, 0, 0, 1, 8, 2, 0, 0, 0]));
  const fixed = signature.length + ihdr.length + 12 + PNG_IEND.length;
  return Buffer.concat([signature, ihdr, pngChunk('IDAT', filler(size - fixed, seed)), PNG_IEND]);
}

/** RIFF/WEBP with one VP8L chunk of filler: `size` bytes (even, at least 22). */
export function webp(size: number, seed = 1): Buffer {
  const header = Buffer.alloc(20);
  header.write('RIFF', 0, 'latin1');
  header.writeUInt32LE(size - 8, 4);
  header.write('WEBP', 8, 'latin1');
  header.write('VP8L', 12, 'latin1');
  header.writeUInt32LE(size - 20, 16);
  return Buffer.concat([header, filler(size - 20, seed)]);
}
