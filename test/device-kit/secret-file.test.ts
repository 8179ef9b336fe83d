// The secret file: private, atomic, keyed by device id, and forgiving of a damaged file.
import { strict as assert } from 'node:assert';
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  forgetSecret,
  readSecret,
  SECRET_FILE_MODE,
  writeSecret,
} from '../../src-main/device-kit/secret-file.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

describe('secret file', () => {
  const dir = makeTempDir('hearth-secret-');
  after(() => removeDir(dir));

  it('reads null when there is no file', () => {
    assert.equal(readSecret(join(dir, 'none.json'), 'lock-1'), null);
  });

  it('writes the secret readable by its owner only, and reads it back', () => {
    const file = join(dir, 'nested', 'deeper', 'lock-1.secret.json');
    writeSecret(file, 'lock-1', 'the-secret');
    assert.equal(readSecret(file, 'lock-1'), 'the-secret');
    if (process.platform !== 'win32') {
      assert.equal(statSync(file).mode & 0o777, SECRET_FILE_MODE);
    }
  });

  it('keeps the mode 0600 whatever the umask', () => {
    if (process.platform === 'win32') return; // no POSIX modes there
    const previous = process.umask(0);
    try {
      const file = join(dir, 'umask.json');
      writeSecret(file, 'lock-1', 's');
      assert.equal(statSync(file).mode & 0o777, 0o600);
    } finally {
      process.umask(previous);
    }
  });

  it('replaces the file whole and leaves no temporary files behind', () => {
    const folder = join(dir, 'replace');
    const file = join(folder, 'lock-2.json');
    writeSecret(file, 'lock-2', 'first');
    writeSecret(file, 'lock-2', 'second');
    assert.equal(readSecret(file, 'lock-2'), 'second');
    assert.deepEqual(readdirSync(folder), ['lock-2.json']);
  });

  it('ignores a secret written for another id', () => {
    const file = join(dir, 'shared.json');
    writeSecret(file, 'lock-a', 'secret-a');
    assert.equal(readSecret(file, 'lock-b'), null);
  });

  it('treats a damaged file as no secret', () => {
    const file = join(dir, 'damaged.json');
    writeFileSync(file, '{"id":"lock-1","sec');
    assert.equal(readSecret(file, 'lock-1'), null);
    writeFileSync(file, '{"id":"lock-1","secret":""}');
    assert.equal(readSecret(file, 'lock-1'), null);
  });

  it('forgets the secret, and forgetting twice is fine', () => {
    const file = join(dir, 'forget.json');
    writeSecret(file, 'lock-1', 'x');
    forgetSecret(file);
    assert.equal(existsSync(file), false);
    forgetSecret(file);
  });

  it('stores JSON naming the device', () => {
    const file = join(dir, 'content.json');
    writeSecret(file, 'cam.1', 'abc');
    const content = JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
    assert.equal(content.id, 'cam.1');
    assert.equal(content.secret, 'abc');
    assert.equal(typeof content.savedAt, 'string');
  });
});
