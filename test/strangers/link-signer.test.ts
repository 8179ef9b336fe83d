// Signed picture links: a key made once and kept private, links that expire, and signatures
// that cannot be moved to another picture or another expiry.
import assert from 'node:assert/strict';
import { readFileSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, test } from 'node:test';
import { LINK_KEY_FILE, LinkSigner } from '../../src-main/hub/strangers/link-signer.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';
import { OUTSIDE_SECRET, plantSentinels } from './support/folder.js';

const ID = '0123456789abcdef01234567';
const OTHER = 'ffffffffffffffffffffffff';
let dataDir: string;
beforeEach(() => {
  dataDir = makeTempDir('hearth-links-');
});
afterEach(() => removeDir(dataDir));

test('the key is made once, 256 random bits, readable by the hub only, and kept across starts', () => {
  const signer = LinkSigner.open(dataDir);
  const keyFile = join(dataDir, LINK_KEY_FILE);
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);
  assert.match(readFileSync(keyFile, 'utf8'), /^[0-9a-f]{64}\n$/);
  const link = signer.sign(ID, 15);
  const again = LinkSigner.open(dataDir);
  assert.equal(again.verify(ID, String(link.exp), link.sig), true, 'links survive a restart');
});

test('a link works until it expires, only for its own picture and expiry', () => {
  const signer = LinkSigner.open(dataDir);
  const now = Date.UTC(2030, 0, 1, 12, 0, 0);
  const link = signer.sign(ID, 15, now);
  assert.ok(link.exp >= now / 1000 + 15 * 60 && link.exp < now / 1000 + 16 * 60);
  assert.equal(signer.verify(ID, String(link.exp), link.sig, now), true);
  assert.equal(
    signer.verify(ID, String(link.exp), link.sig, link.exp * 1000 + 1),
    false,
    'expired',
  );
  assert.equal(signer.verify(OTHER, String(link.exp), link.sig, now), false, 'another picture');
  assert.equal(signer.verify(ID, String(link.exp + 60), link.sig, now), false, 'a later expiry');
  const flipped = (link.sig[0] === 'a' ? 'b' : 'a') + link.sig.slice(1);
  assert.equal(signer.verify(ID, String(link.exp), flipped, now), false, 'a changed signature');
  for (const [exp, sig] of [
    [undefined, link.sig],
    [String(link.exp), undefined],
    [[String(link.exp)], link.sig],
    [`${link.exp}.0`, link.sig],
    [String(link.exp), link.sig.toUpperCase()],
    [String(link.exp), link.sig.slice(2)],
  ] as Array<[unknown, unknown]>) {
    assert.equal(signer.verify(ID, exp, sig, now), false, `${String(exp)} ${String(sig)}`);
  }
  const otherHub = LinkSigner.open(makeTempDir('hearth-links-other-'));
  assert.equal(otherHub.verify(ID, String(link.exp), link.sig, now), false, "another hub's key");
});

test('a key file loosened by hand is made private again; a planted link is replaced, not followed', () => {
  const keyFile = join(dataDir, LINK_KEY_FILE);
  writeFileSync(keyFile, 'ab'.repeat(32) + '\n', { mode: 0o644 });
  LinkSigner.open(dataDir);
  assert.equal(statSync(keyFile).mode & 0o777, 0o600);

  const other = makeTempDir('hearth-links-planted-');
  const outside = join(other, 'outside.txt');
  const sentinels = plantSentinels([outside]);
  symlinkSync(outside, join(other, LINK_KEY_FILE));
  LinkSigner.open(other);
  sentinels.assertUnread();
  assert.equal(readFileSync(outside, 'utf8'), `${OUTSIDE_SECRET}\n`, 'never written through');
  assert.equal(statSync(join(other, LINK_KEY_FILE)).isFile(), true);
  removeDir(other);
});
