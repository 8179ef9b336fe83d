// Signed, expiring picture links: an <img> tag or a phone's image loader can fetch a picture
// without a header, a leaked link stops working after a few minutes, and no long-lived token
// ever goes into a URL. The key is random, made once, kept in the data folder readable only by
// the hub; replacing the file invalidates every link given out.
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { chmodSync, lstatSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const LINK_KEY_FILE = 'picture-links.key';

export interface SignedLink {
  /** Unix seconds. */
  exp: number;
  sig: string;
}

export class LinkSigner {
  private constructor(private readonly key: Buffer) {}

  static open(dataDir: string): LinkSigner {
    return new LinkSigner(loadOrCreateKey(join(dataDir, LINK_KEY_FILE)));
  }

  /**
   * A link valid for at least `minutes`. The expiry is rounded up to the minute so that links
   * made within the same minute are the same URL and a browser's cache can serve them.
   */
  sign(id: string, minutes: number, now = Date.now()): SignedLink {
    const exp = Math.ceil((now / 1000 + minutes * 60) / 60) * 60;
    return { exp, sig: this.mac(id, exp) };
  }

  verify(id: string, exp: unknown, sig: unknown, now = Date.now()): boolean {
    if (typeof exp !== 'string' || !/^\d{1,12}$/.test(exp)) return false;
    if (typeof sig !== 'string' || !/^[0-9a-f]{64}$/.test(sig)) return false;
    const expires = Number(exp);
    if (expires * 1000 < now) return false;
    return timingSafeEqual(Buffer.from(sig, 'hex'), Buffer.from(this.mac(id, expires), 'hex'));
  }

  private mac(id: string, exp: number): string {
    // The purpose is part of what is signed, so this key's MACs mean nothing elsewhere.
    return createHmac('sha256', this.key).update(`stranger-image\n${id}\n${exp}`).digest('hex');
  }
}

function loadOrCreateKey(path: string): Buffer {
  try {
    const stat = lstatSync(path);
    if (stat.isFile()) {
      const text = readFileSync(path, 'utf8').trim();
      if (/^[0-9a-f]{64}$/.test(text)) {
        if ((stat.mode & 0o077) !== 0) chmodSync(path, 0o600);
        return Buffer.from(text, 'hex');
      }
    }
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  // Missing or unusable (a torn write, a planted link): a new key; old links stop working.
  // Written aside and renamed over, which replaces a symlink itself instead of writing through it.
  const key = randomBytes(32);
  const temp = `${path}.tmp`;
  rmSync(temp, { force: true });
  writeFileSync(temp, key.toString('hex') + '\n', { mode: 0o600, flag: 'wx' });
  renameSync(temp, path);
  return key;
}
