// The simulated camera's pictures are real PNGs: every chunk checks out, the pixels inflate to
// the declared size, and two pictures taken at different times differ.
import { strict as assert } from 'node:assert';
import { inflateSync } from 'node:zlib';
import { describe, it } from 'node:test';
import { crc32 } from '../../src-main/device-kit/simulator/crc32.js';
import { encodePng } from '../../src-main/device-kit/simulator/png.js';
import {
  makeSnapshot,
  SNAPSHOT_HEIGHT,
  SNAPSHOT_WIDTH,
} from '../../src-main/device-kit/simulator/snapshot.js';

interface Chunk {
  type: string;
  data: Buffer;
}

/** Walks a PNG's chunks, checking the signature, each CRC and that IEND comes last. */
function readPng(png: Buffer): Chunk[] {
  assert.deepEqual([...png.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  const chunks: Chunk[] = [];
  let offset = 8;
  while (offset < png.length) {
    const length = png.readUInt32BE(offset);
    const typeBytes = png.subarray(offset + 4, offset + 8);
    const data = png.subarray(offset + 8, offset + 8 + length);
    const crc = png.readUInt32BE(offset + 8 + length);
    assert.equal(crc, crc32(typeBytes, data), `CRC of ${typeBytes.toString('latin1')}`);
    chunks.push({ type: typeBytes.toString('latin1'), data });
    offset += 12 + length;
  }
  assert.equal(offset, png.length);
  assert.equal(chunks[0]?.type, 'IHDR');
  assert.equal(chunks.at(-1)?.type, 'IEND');
  return chunks;
}

describe('PNG encoder', () => {
  it('computes the standard CRC-32', () => {
    // The well-known check value for "123456789".
    assert.equal(crc32(Buffer.from('123456789')), 0xcbf43926);
    assert.equal(crc32(Buffer.from('1234'), Buffer.from('56789')), 0xcbf43926);
  });

  it('encodes a tiny image exactly', () => {
    const png = encodePng({ width: 2, height: 1, pixels: Uint8Array.from([255, 0, 0, 0, 0, 255]) });
    const chunks = readPng(png);
    const header = chunks[0]!.data;
    assert.equal(header.readUInt32BE(0), 2);
    assert.equal(header.readUInt32BE(4), 1);
    assert.deepEqual([...header.subarray(8)], [8, 2, 0, 0, 0]);
    const idat = chunks.find((chunk) => chunk.type === 'IDAT')!;
    assert.deepEqual([...inflateSync(idat.data)], [0, 255, 0, 0, 0, 0, 255]);
  });

  it('refuses pixels that do not match the size', () => {
    assert.throws(() => encodePng({ width: 2, height: 2, pixels: new Uint8Array(3) }), RangeError);
  });
});

describe('snapshot', () => {
  it('is a valid PNG of the declared size carrying its time', () => {
    const at = new Date('2030-05-06T07:08:09.010Z');
    const chunks = readPng(makeSnapshot(at, 3));
    const header = chunks[0]!.data;
    assert.equal(header.readUInt32BE(0), SNAPSHOT_WIDTH);
    assert.equal(header.readUInt32BE(4), SNAPSHOT_HEIGHT);
    const pixels = inflateSync(
      Buffer.concat(chunks.filter((c) => c.type === 'IDAT').map((c) => c.data)),
    );
    assert.equal(pixels.length, (SNAPSHOT_WIDTH * 3 + 1) * SNAPSHOT_HEIGHT);
    const texts = chunks
      .filter((chunk) => chunk.type === 'tEXt')
      .map((chunk) => chunk.data.toString('latin1').split('\u0000'));
    assert.deepEqual(Object.fromEntries(texts), {
      Software: 'Hearth device simulator',
      'Creation Time': '2030-05-06T07:08:09.010Z',
    });
  });

  it('differs from one moment to the next, and is small', () => {
    const first = makeSnapshot(new Date('2030-05-06T07:08:09.010Z'), 1);
    const second = makeSnapshot(new Date('2030-05-06T07:08:09.011Z'), 1);
    assert.notDeepEqual(first, second);
    const firstPixels = inflateSync(readPng(first).find((c) => c.type === 'IDAT')!.data);
    const secondPixels = inflateSync(readPng(second).find((c) => c.type === 'IDAT')!.data);
    assert.notDeepEqual(firstPixels, secondPixels, 'the drawn timestamp differs');
    assert.ok(first.length < 64 * 1024, `${first.length} bytes`);
  });
});
