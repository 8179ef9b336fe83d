// Pictures are recognised by their bytes, and a picture cut off in transit is not one.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { sniffPicture } from '../../src-main/hub/strangers/picture-format.js';
import { jpeg, png, webp } from './support/pictures.js';

test('JPEG, PNG and WebP are recognised by their bytes', () => {
  assert.deepEqual(sniffPicture(jpeg(2048)), { ok: true, type: 'jpeg' });
  assert.deepEqual(sniffPicture(png(2048)), { ok: true, type: 'png' });
  assert.deepEqual(sniffPicture(webp(2048)), { ok: true, type: 'webp' });
});

test('a JPEG padded with zeros after its end marker is still whole', () => {
  assert.equal(sniffPicture(Buffer.concat([jpeg(1024), Buffer.alloc(7)])).ok, true);
});

test('truncated pictures are refused, each saying why', () => {
  const cases: Array<[string, Buffer, RegExp]> = [
    ['JPEG without FFD9', jpeg(4096).subarray(0, 3000), /JPEG is truncated/],
    ['JPEG of its first bytes only', jpeg(4096).subarray(0, 4), /JPEG is truncated/],
    ['PNG without IEND', png(4096).subarray(0, 4000), /PNG is truncated/],
    ['PNG of its signature only', png(4096).subarray(0, 8), /PNG has no IHDR/],
    ['WebP cut short', webp(4096).subarray(0, 4000), /WebP is truncated/],
  ];
  for (const [what, bytes, reason] of cases) {
    const result = sniffPicture(bytes);
    assert.equal(result.ok, false, what);
    assert.match(result.ok ? '' : result.reason, reason, what);
  }
});

test('bytes that are not a picture are refused, whatever they claim to be', () => {
  const cases: Buffer[] = [
    Buffer.alloc(0),
    Buffer.from('hello, this is text'),
    Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>'),
    Buffer.from('GIF89a' + 'x'.repeat(100)),
    Buffer.from('%PDF-1.7\n'),
    // A WebP header whose first chunk is not VP8/VP8L/VP8X (a RIFF/WAVE in disguise).
    Buffer.concat([Buffer.from('RIFF\x14\x00\x00\x00WEBPdata', 'latin1'), Buffer.alloc(12)]),
  ];
  for (const bytes of cases) assert.equal(sniffPicture(bytes).ok, false, bytes.toString('latin1'));
});
