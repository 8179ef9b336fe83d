// What a picture is, told by its bytes alone: a device's file name or Content-Type proves
// nothing. Each check also looks at the end of the data, so a picture cut off in transit (a
// camera losing power mid-upload) is refused instead of stored as a grey half image.
import type { PictureMime } from '../../shared/operations/strangers.js';

export type PictureType = 'jpeg' | 'png' | 'webp';

export const MIME_OF: Record<PictureType, PictureMime> = {
  jpeg: 'image/jpeg',
  png: 'image/png',
  webp: 'image/webp',
};

export const EXTENSION_OF: Record<PictureType, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

export type SniffResult = { ok: true; type: PictureType } | { ok: false; reason: string };

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
// The IEND chunk is always the same 12 bytes: length 0, type, CRC.
const PNG_IEND = Buffer.from([0, 0, 0, 0, 0x49, 0x45, 0x4e, 0x44, 0xae, 0x42, 0x60, 0x82]);

export function sniffPicture(bytes: Buffer): SniffResult {
  if (bytes.length >= 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) {
    return jpeg(bytes);
  }
  if (bytes.length >= 8 && bytes.subarray(0, 8).equals(PNG_SIGNATURE)) return png(bytes);
  if (
    bytes.length >= 12 &&
    bytes.toString('latin1', 0, 4) === 'RIFF' &&
    bytes.toString('latin1', 8, 12) === 'WEBP'
  ) {
    return webp(bytes);
  }
  return { ok: false, reason: 'the bytes are not a JPEG, PNG or WebP picture' };
}

function jpeg(bytes: Buffer): SniffResult {
  // SOI, a marker, …, EOI. Some cameras pad after EOI with zeros; anything else is a cut-off file.
  let end = bytes.length;
  while (end > 4 && bytes[end - 1] === 0x00) end--;
  if (end < 6 || bytes[end - 2] !== 0xff || bytes[end - 1] !== 0xd9) {
    return { ok: false, reason: 'the JPEG is truncated (it does not end with FFD9)' };
  }
  return { ok: true, type: 'jpeg' };
}

function png(bytes: Buffer): SniffResult {
  // The first chunk must be a 13-byte IHDR (PNG spec 5.6), the last one IEND.
  if (
    bytes.length < 8 + 25 + 12 ||
    bytes.readUInt32BE(8) !== 13 ||
    bytes.toString('latin1', 12, 16) !== 'IHDR'
  ) {
    return { ok: false, reason: 'the PNG has no IHDR chunk' };
  }
  if (!bytes.subarray(bytes.length - 12).equals(PNG_IEND)) {
    return { ok: false, reason: 'the PNG is truncated (it does not end with IEND)' };
  }
  return { ok: true, type: 'png' };
}

function webp(bytes: Buffer): SniffResult {
  // The RIFF size counts everything after its own 8 bytes; chunks are padded to even sizes.
  const riffSize = bytes.readUInt32LE(4);
  const expected = riffSize + 8 + (riffSize % 2);
  if (bytes.length < 20 || (bytes.length !== riffSize + 8 && bytes.length !== expected)) {
    return { ok: false, reason: 'the WebP is truncated (its RIFF size does not match)' };
  }
  const chunk = bytes.toString('latin1', 12, 16);
  if (chunk !== 'VP8 ' && chunk !== 'VP8L' && chunk !== 'VP8X') {
    return { ok: false, reason: 'the WebP has no VP8, VP8L or VP8X chunk' };
  }
  return { ok: true, type: 'webp' };
}
