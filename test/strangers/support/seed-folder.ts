// Fills a picture folder with `count` small, valid pictures and their index lines directly (no
// fsync per file), as a hub would have left it: for tests and benchmarks of a large gallery.
import { createHash } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jpeg } from './pictures.js';

export interface SeededRecord {
  id: string;
  camera: string;
  at: number;
}

/** Record i: id = i in hex, camera `cam-<i % cameras>`, at = startMs + i * stepMs. */
export function seedPictureFolder(
  folder: string,
  count: number,
  options: { cameras?: number; startMs?: number; stepMs?: number } = {},
): SeededRecord[] {
  const { cameras = 7, startMs = 1_000_000, stepMs = 10 } = options;
  mkdirSync(folder, { recursive: true, mode: 0o700 });
  const bytes = jpeg(64);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const lines: string[] = [];
  const seeded: SeededRecord[] = [];
  for (let i = 0; i < count; i++) {
    const id = i.toString(16).padStart(24, '0');
    const camera = `cam-${i % cameras}`;
    const at = startMs + i * stepMs;
    const record = {
      id,
      camera,
      at,
      firstAt: at,
      count: 1,
      size: bytes.length,
      type: 'jpeg',
      sha256,
    };
    writeFileSync(join(folder, `${id}.jpg`), bytes, { mode: 0o600 });
    lines.push(JSON.stringify({ op: 'put', record }));
    seeded.push({ id, camera, at });
  }
  writeFileSync(join(folder, 'index.jsonl'), lines.join('\n') + '\n', { mode: 0o600 });
  return seeded;
}
