// The per-action key-value store (`hub.store.get/set`): one JSON file in the data folder,
// action-store.json, apart from state.json so that nothing an action does can touch the hub's
// own state. Written atomically; sizes are capped so an action cannot fill the disk.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

export const MAX_KEYS_PER_ACTION = 256;
export const MAX_VALUE_BYTES = 16 * 1024;
const Key = z.string().min(1).max(128);
const StoreFileSchema = z.record(z.string(), z.record(z.string(), z.unknown()));

export class ActionStore {
  private data: Record<string, Record<string, unknown>>;
  readonly file: string;

  constructor(dataDir: string) {
    this.file = path.join(dataDir, 'action-store.json');
    this.data = readStore(this.file);
  }

  get(action: string, key: string): unknown {
    return this.data[action]?.[Key.parse(key)] ?? null;
  }

  set(action: string, key: string, value: unknown): void {
    Key.parse(key);
    const space = { ...this.data[action] };
    if (value === undefined || value === null) {
      delete space[key];
    } else {
      const text = JSON.stringify(value);
      if (text === undefined) throw new Error('store.set: the value must be JSON');
      if (Buffer.byteLength(text) > MAX_VALUE_BYTES) {
        throw new Error(`store.set: a value is at most ${MAX_VALUE_BYTES} bytes as JSON`);
      }
      if (!(key in space) && Object.keys(space).length >= MAX_KEYS_PER_ACTION) {
        throw new Error(`store.set: an action keeps at most ${MAX_KEYS_PER_ACTION} keys`);
      }
      space[key] = JSON.parse(text) as unknown;
    }
    this.data = { ...this.data, [action]: space };
    const temporary = `${this.file}.tmp`;
    fs.writeFileSync(temporary, JSON.stringify(this.data, null, 2));
    fs.renameSync(temporary, this.file);
  }
}

function readStore(file: string): Record<string, Record<string, unknown>> {
  try {
    return StoreFileSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return {};
    // A damaged store is set aside rather than silently replaced.
    fs.renameSync(file, `${file}.bad-${Date.now()}`);
    return {};
  }
}
