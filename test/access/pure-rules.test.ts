// The small pure pieces of the rules: filter coverage and the hand_shake word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterCovers } from '../../src-main/hub/access/filter-covers.js';
import { startsWithHandShake } from '../../src-main/hub/access/hand-shake-word.js';

test('filterCovers: a grant covers exactly the filters whose topics it matches', () => {
  const yes: Array<[string, string]> = [
    ['a/#', 'a/#'],
    ['a/#', 'a'],
    ['a/#', 'a/b/c'],
    ['a/#', 'a/+/c'],
    ['a/+', 'a/b'],
    ['a/+', 'a/+'],
    ['+/+', 'a/+'],
    ['#', 'a/b'],
    ['#', '#'],
    ['a/b', 'a/b'],
    ['$SYS/#', '$SYS/broker'],
  ];
  const no: Array<[string, string]> = [
    ['a/#', '#'],
    ['a/#', 'b'],
    ['a/+', 'a/#'],
    ['a/+', 'a/b/c'],
    ['a/+', 'a'],
    ['a/b', 'a/+'],
    ['a/b', 'a/#'],
    ['a/b', 'a/b/c'],
    ['+/+', '+/+/set'],
    ['#', '$SYS/#'],
    ['+/broker', '$SYS/broker'],
    ['hearth/devices/a/#', 'hearth/devices/b/#'],
  ];
  for (const [granted, requested] of yes)
    assert.ok(filterCovers(granted, requested), `${granted} ⊇ ${requested}`);
  for (const [granted, requested] of no)
    assert.ok(!filterCovers(granted, requested), `${granted} ⊉ ${requested}`);
});

test('startsWithHandShake: the first word, any ASCII case, nothing more parsed', () => {
  for (const text of [
    'hand_shake',
    'hand_shake lock-1',
    'HAND_SHAKE lock-1',
    ' \thand_Shake\nx',
    'hand_shake\r\n',
  ]) {
    assert.ok(startsWithHandShake(Buffer.from(text)), JSON.stringify(text));
  }
  for (const text of [
    '',
    'hand',
    'hand_shakes',
    'handshake x',
    'ping',
    'xhand_shake',
    'hand_shake\u00a0x',
    '         hand_shake',
  ]) {
    assert.ok(!startsWithHandShake(Buffer.from(text)), JSON.stringify(text));
  }
});
