// Reading Frigate's MQTT messages: real shapes from several Frigate versions, and what is refused.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  MAX_EVENT_BYTES,
  frigateDeviceId,
  namesSomeone,
  parseFrigateEvent,
  parseSnapshotTopic,
} from '../../../src-main/hub/bridges/frigate/frigate-events.js';
import { FrigateObject } from './support.js';

const parse = (text: string): ReturnType<typeof parseFrigateEvent> =>
  parseFrigateEvent(Buffer.from(text));

test('a Frigate 0.14+ event is read from `after`: id, camera, label, [name, score] sub_label, flags', () => {
  const person = new FrigateObject('front_door');
  const parsed = parse(person.message('new'));
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.event, {
    type: 'new',
    id: person.id,
    camera: 'front_door',
    label: 'person',
    subLabel: null,
    hasSnapshot: false,
    falsePositive: false,
    ended: false,
  });
  const named = parse(
    person.message('update', { subLabel: ['John Smith', 0.79], hasSnapshot: true }),
  );
  assert.ok(named.ok);
  assert.equal(named.event.subLabel, 'John Smith');
  assert.equal(named.event.hasSnapshot, true);
  const ended = parse(person.message('end'));
  assert.ok(ended.ok);
  assert.equal(ended.event.ended, true);
});

test('older shapes: sub_label as a string or missing; a cleared [null, null] names nobody', () => {
  const doc = {
    type: 'update',
    before: {},
    after: {
      id: '1607123955.475377-mxklsc',
      camera: 'front_door',
      frame_time: 1607123962.082975,
      label: 'person',
      top_score: 0.958984375,
      false_positive: false,
      start_time: 1607123955.475377,
      end_time: null,
      has_snapshot: false,
    },
  };
  const missing = parse(JSON.stringify(doc));
  assert.ok(missing.ok);
  assert.equal(missing.event.subLabel, null);
  const text = parse(JSON.stringify({ ...doc, after: { ...doc.after, sub_label: 'Anna' } }));
  assert.ok(text.ok);
  assert.equal(text.event.subLabel, 'Anna');
  const cleared = parse(
    JSON.stringify({ ...doc, after: { ...doc.after, sub_label: [null, null] } }),
  );
  assert.ok(cleared.ok);
  assert.equal(cleared.event.subLabel, null);
  const blank = parse(JSON.stringify({ ...doc, after: { ...doc.after, sub_label: ['  ', 0.5] } }));
  assert.ok(blank.ok);
  assert.equal(blank.event.subLabel, null);
  // An update whose end_time is set is the end too.
  const over = parse(JSON.stringify({ ...doc, after: { ...doc.after, end_time: 1607123970.1 } }));
  assert.ok(over.ok);
  assert.equal(over.event.ended, true);
});

test('junk is refused with the reason: not JSON, no after, unknown type, bad ids, too large', () => {
  const person = new FrigateObject('front_door');
  const good = JSON.parse(person.message('new')) as { after: Record<string, unknown> };
  const cases: Array<[string, RegExp]> = [
    ['{"type": "new", "after": ', /not JSON/],
    ['[]', /not a Frigate event/],
    ['{"type":"new"}', /after/],
    [JSON.stringify({ ...good, type: 'begin' }), /type/],
    [JSON.stringify({ ...good, after: { ...good.after, id: '../../etc' } }), /after\.id/],
    [JSON.stringify({ ...good, after: { ...good.after, camera: 'a/b' } }), /after\.camera/],
    [JSON.stringify({ ...good, after: { ...good.after, camera: '' } }), /after\.camera/],
    [JSON.stringify({ ...good, after: { ...good.after, label: 'x#' } }), /after\.label/],
    [JSON.stringify({ ...good, after: { ...good.after, has_snapshot: 'yes' } }), /has_snapshot/],
    [JSON.stringify({ ...good, after: { ...good.after, sub_label: { name: 'x' } } }), /sub_label/],
    [' '.repeat(MAX_EVENT_BYTES + 1), /over 65536 bytes/],
  ];
  for (const [text, reason] of cases) {
    const parsed = parse(text);
    assert.equal(parsed.ok, false, text.slice(0, 80));
    if (!parsed.ok) assert.match(parsed.problem, reason, text.slice(0, 80));
  }
});

test("a sub_label names someone unless it is a courier's logo", () => {
  assert.equal(namesSomeone(null), false);
  assert.equal(namesSomeone('Alice'), true);
  assert.equal(namesSomeone('amazon'), false);
  assert.equal(namesSomeone('UPS'), false);
  assert.equal(namesSomeone('royal_mail'), false);
});

test('snapshot topics and device ids', () => {
  assert.deepEqual(parseSnapshotTopic('frigate/front_door/person/snapshot', 'frigate'), {
    camera: 'front_door',
    label: 'person',
  });
  assert.equal(parseSnapshotTopic('frigate/front_door/person/snapshot', 'nvr'), null);
  assert.equal(parseSnapshotTopic('frigate/front_door/snapshot', 'frigate'), null);
  assert.equal(parseSnapshotTopic('frigate/a/b/c/snapshot', 'frigate'), null);
  assert.equal(parseSnapshotTopic('frigate/front_door/person/snapshots', 'frigate'), null);
  assert.equal(frigateDeviceId('front_door'), 'frigate.front_door');
  assert.equal(frigateDeviceId('Garten Süd'), 'frigate.Garten_S_d');
  const long = frigateDeviceId('c'.repeat(64));
  assert.equal(long.length, 64);
  assert.match(long, /^frigate\.c+$/);
});
