// Hearth's $7$ hashes are byte for byte what mosquitto_passwd 2.0 writes (real logins with them
// are in mosquitto-acl.test.ts and mosquitto-dynsec.test.ts).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import {
  mosquittoPasswordHash,
  parseMosquittoHash,
} from '../../src-main/hub/broker-config/mosquitto-password.js';

const PASSWD = '/usr/bin/mosquitto_passwd';

test('the same salt gives exactly the hash mosquitto_passwd wrote', () => {
  assert.ok(existsSync(PASSWD), `${PASSWD} not found (apt-get install mosquitto; .ci/run does)`);
  const dir = mkdtempSync(join(tmpdir(), 'hearth-passwd-'));
  try {
    const file = join(dir, 'passwd');
    const password = 'pässword with spaces:and colons';
    execFileSync(PASSWD, ['-b', '-c', file, 'user', password]);
    const written = readFileSync(file, 'utf8').trim().slice('user:'.length);
    const parts = parseMosquittoHash(written);
    assert.ok(parts, written);
    assert.equal(parts.iterations, 101);
    const salt = Buffer.from(parts.salt, 'base64');
    assert.equal(salt.length, 12);
    assert.equal(mosquittoPasswordHash(password, salt), written);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a fresh hash has a new 12-byte salt each time and parses back', () => {
  const first = mosquittoPasswordHash('secret');
  const second = mosquittoPasswordHash('secret');
  assert.notEqual(first, second);
  assert.match(first, /^\$7\$101\$[A-Za-z0-9+/]{16}\$[A-Za-z0-9+/]{86}==$/);
  const parts = parseMosquittoHash(first)!;
  assert.equal(first, `$7$${parts.iterations}$${parts.salt}$${parts.hash}`);
});

test('parseMosquittoHash refuses anything that is not a well-formed $7$ hash', () => {
  const good = mosquittoPasswordHash('x', Buffer.alloc(12, 1));
  const [, , , salt, key] = good.split('$');
  for (const bad of [
    '',
    'plain',
    `$6$${salt}$${key}`,
    `$7$0$${salt}$${key}`,
    `$7$101$${salt}$${key!.slice(4)}`, // a key that is not 64 bytes
    `$7$101$${salt}$${key}\n`,
    `$7$101$${salt}\nx$${key}`,
    `$7$101$$${key}`,
    `$7$101$${salt}$${key!.replace('==', '=A')}`,
  ]) {
    assert.equal(parseMosquittoHash(bad), null, JSON.stringify(bad));
  }
  assert.throws(() => mosquittoPasswordHash('x', Buffer.alloc(0)), /salt/);
});
