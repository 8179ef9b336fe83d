// The device kit's small parts: backoff, ids and names, hand_shake replies, topics.
import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { Backoff } from '../../src-main/device-kit/backoff.js';
import {
  cleanDeviceName,
  isValidDeviceId,
  toDeviceIdPart,
} from '../../src-main/device-kit/device-id.js';
import { parseHandShakeReply } from '../../src-main/device-kit/handshake-reply.js';
import { deviceTopics } from '../../src-main/device-kit/topics.js';
import { HearthDevice } from '../../src-main/device-kit/hearth-device.js';

describe('Backoff', () => {
  it('doubles up to its ceiling and starts over after reset', () => {
    const backoff = new Backoff({ initialMs: 100, maxMs: 700, jitter: 0 });
    assert.deepEqual(
      Array.from({ length: 5 }, () => backoff.next()),
      [100, 200, 400, 700, 700],
    );
    backoff.reset();
    assert.equal(backoff.next(), 100);
  });

  it('spreads delays by its jitter', () => {
    const low = new Backoff({ initialMs: 1000, maxMs: 1000, jitter: 0.2 }, () => 0);
    const high = new Backoff({ initialMs: 1000, maxMs: 1000, jitter: 0.2 }, () => 1);
    assert.equal(low.next(), 800);
    assert.equal(high.next(), 1200);
  });

  it('refuses nonsense limits', () => {
    assert.throws(() => new Backoff({ initialMs: 0, maxMs: 10 }), RangeError);
    assert.throws(() => new Backoff({ initialMs: 10, maxMs: 5 }), RangeError);
  });
});

describe('device ids and names', () => {
  it('accepts the contract alphabet, 1 to 64 characters', () => {
    assert.ok(isValidDeviceId('front-door_1.lock'));
    assert.ok(isValidDeviceId('a'.repeat(64)));
    for (const bad of ['', 'a'.repeat(65), 'a/b', 'a+b', 'a#', 'a b', 'a\u0000b', 'é']) {
      assert.equal(isValidDeviceId(bad), false, JSON.stringify(bad));
    }
  });

  it('makes id parts from any text', () => {
    assert.equal(toDeviceIdPart('My PC (home)', 64), 'My-PC-home');
    assert.equal(toDeviceIdPart('abcdef', 3), 'abc');
    assert.equal(toDeviceIdPart('ab cd', 3), 'ab');
    assert.equal(toDeviceIdPart('***', 10), '');
  });

  it('keeps names on one short line', () => {
    assert.equal(cleanDeviceName('  Front\n door \t lock '), 'Front door lock');
    assert.equal(cleanDeviceName('x'.repeat(1000)).length, 64);
  });

  it('refuses a bad id before connecting', () => {
    assert.throws(
      () =>
        new HearthDevice({ url: 'mqtt://127.0.0.1:1', id: 'a/b', kind: 'lock', secretFile: 'x' }),
      RangeError,
    );
  });
});

describe('hand_shake replies', () => {
  it('reads approved, pending and rejected in any case', () => {
    assert.deepEqual(parseHandShakeReply('approved s3cr3t'), {
      kind: 'approved',
      secret: 's3cr3t',
    });
    assert.deepEqual(parseHandShakeReply(Buffer.from('APPROVED AbC\n')), {
      kind: 'approved',
      secret: 'AbC',
    });
    assert.deepEqual(parseHandShakeReply('approved'), { kind: 'approved', secret: null });
    assert.deepEqual(parseHandShakeReply('Pending'), { kind: 'pending' });
    assert.deepEqual(parseHandShakeReply('rejected'), { kind: 'rejected' });
  });

  it('returns null for anything else', () => {
    for (const bad of ['', 'approved a b', 'hello', 'ok']) {
      assert.equal(parseHandShakeReply(bad), null, JSON.stringify(bad));
    }
  });
});

describe('topics', () => {
  it('names a device topics as the contract does', () => {
    assert.deepEqual(deviceTopics('lock-1'), {
      set: 'hearth/devices/lock-1/set',
      state: 'hearth/devices/lock-1/state',
      availability: 'hearth/devices/lock-1/availability',
      stranger: 'hearth/devices/lock-1/stranger',
      action: 'hearth/devices/lock-1/action',
      handShake: 'hearth/devices/lock-1/hand_shake',
      replies: 'hearth/devices/lock-1/reply/#',
      replyPrefix: 'hearth/devices/lock-1/reply/',
    });
  });
});
