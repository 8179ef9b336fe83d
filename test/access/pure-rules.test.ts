// The small pure pieces of the rules: filter coverage and the hand_shake word.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { filterCovers } from '../../src-main/hub/access/filter-covers.js';
import {
  compileIntegrationRights,
  integrationMayPublish,
} from '../../src-main/hub/access/integration-rights.js';
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

test('integration publish rights: the compiled matcher agrees with MQTT matching, topic by topic', () => {
  // The reference: MQTT 3.1.1 topic matching level by level (4.7), written the plain way.
  const reference = (filter: string, topic: string): boolean => {
    const f = filter.split('/');
    const t = topic.split('/');
    for (let i = 0; i < f.length; i++) {
      if (f[i] === '#') return true;
      if (i >= t.length) return false;
      if (f[i] !== '+' && f[i] !== t[i]) return false;
    }
    return f.length === t.length;
  };
  const filters = [
    '#',
    'a/#',
    'a/b/#',
    'a/+',
    'a/+/c',
    '+',
    '+/+',
    '+/b/#',
    'a/+/#',
    'a//c',
    'ab',
    'a/b',
  ];
  const topics = [
    'a',
    'a/',
    'a/b',
    'a/b/c',
    'a/b/c/d',
    'ab',
    'ab/c',
    'a//c',
    '/a',
    'b',
    'x/b/y',
    'a/bc',
    'a/b/',
  ];
  for (const filter of filters) {
    const rights = compileIntegrationRights([{ filter, publish: true, subscribe: false }]);
    for (const topic of topics) {
      assert.equal(
        integrationMayPublish(rights, topic),
        reference(filter, topic),
        `${filter} vs ${topic}`,
      );
    }
  }
  const everything = compileIntegrationRights([{ filter: '#', publish: true, subscribe: false }]);
  assert.equal(integrationMayPublish(everything, 'hearth/devices/x/set'), false, 'never the hub’s');
  assert.equal(integrationMayPublish(everything, '$SYS/x'), false, 'never the broker’s');
});
