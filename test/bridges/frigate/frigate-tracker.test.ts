// The per-event state machine, with a hand-moved clock: which Frigate messages make, replace and
// delete a sighting, in order and out of it, and that its memory stays bounded.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  parseFrigateEvent,
  type FrigateEvent,
} from '../../../src-main/hub/bridges/frigate/frigate-events.js';
import {
  FrigateTracker,
  type TrackerOptions,
  type TrackerPolicy,
} from '../../../src-main/hub/bridges/frigate/frigate-tracker.js';
import { FrigateObject, ManualClock, type ObjectChanges } from './support.js';

interface Harness {
  tracker: FrigateTracker;
  clock: ManualClock;
  policy: TrackerPolicy;
  /** What was asked, in order: `show <id> <picture>`, `forget <id> <reason>`, `none <id>`. */
  log: string[];
  send(
    object: FrigateObject,
    type: 'new' | 'update' | 'end',
    changes?: ObjectChanges,
  ): ReturnType<FrigateTracker['event']>;
  snap(camera: string, label: string, picture: string): number;
}

function harness(options: Partial<TrackerOptions> = {}): Harness {
  const clock = new ManualClock();
  const policy: TrackerPolicy = { labels: ['person'], knownFacesAreNotStrangers: true };
  const log: string[] = [];
  const tracker = new FrigateTracker({
    clock,
    policy: () => policy,
    show: (event, picture) => log.push(`show ${event.id} ${picture.toString()}`),
    forget: (event, reason) => log.push(`forget ${event.id} ${reason}`),
    noSnapshot: (event, waited) => log.push(`none ${event.id} ${waited}`),
    ...options,
  });
  return {
    tracker,
    clock,
    policy,
    log,
    send: (object, type, changes) => tracker.event(event(object.message(type, changes))),
    snap: (camera, label, picture) => tracker.snapshot(camera, label, Buffer.from(picture)),
  };
}

function event(text: string): FrigateEvent {
  const parsed = parseFrigateEvent(Buffer.from(text));
  assert.ok(parsed.ok);
  return parsed.event;
}

test('new → snapshot → update → better snapshot → end: one sighting, replaced, then closed', () => {
  const h = harness();
  const person = new FrigateObject('front_door');
  assert.deepEqual(h.send(person, 'new'), {
    kind: 'tracked',
    verdict: 'stranger',
    shown: false,
    waiting: false,
  });
  assert.equal(h.snap('front_door', 'person', 'S1'), 1);
  assert.deepEqual(h.send(person, 'update', { hasSnapshot: true }), {
    kind: 'tracked',
    verdict: 'stranger',
    shown: true,
    waiting: false,
  });
  h.snap('front_door', 'person', 'S2');
  h.send(person, 'update', { hasSnapshot: true });
  h.send(person, 'end', { hasSnapshot: true });
  // The event is closed: a newer snapshot is kept for later events, not shown in its sighting.
  assert.equal(h.snap('front_door', 'person', 'S3'), 0);
  assert.deepEqual(h.send(person, 'update', { hasSnapshot: true }), { kind: 'after_end' });
  assert.deepEqual(h.log, [`show ${person.id} S1`, `show ${person.id} S2`]);
  assert.equal(h.clock.pending, 0);
});

test('a snapshot that came just before the event is used; an old one is not', () => {
  const h = harness();
  h.snap('porch', 'person', 'EARLY');
  h.clock.advance(3_000);
  const early = new FrigateObject('porch');
  h.send(early, 'new');
  assert.deepEqual(h.log, [`show ${early.id} EARLY`]);

  h.log.length = 0;
  h.snap('garage', 'person', 'STALE');
  h.clock.advance(60_000);
  const late = new FrigateObject('garage');
  const outcome = h.send(late, 'new', { hasSnapshot: true });
  assert.deepEqual(outcome, { kind: 'tracked', verdict: 'stranger', shown: false, waiting: true });
  h.clock.advance(4_000);
  h.snap('garage', 'person', 'FRESH');
  assert.deepEqual(h.log, [`show ${late.id} FRESH`]);
  h.clock.advance(20_000);
  assert.deepEqual(h.log, [`show ${late.id} FRESH`], 'no "no snapshot" note once one came');
});

test('has_snapshot with no snapshot: waits 10 s, then says so once; a later one is still used while open', () => {
  const h = harness();
  const person = new FrigateObject('yard');
  h.send(person, 'new', { hasSnapshot: true });
  h.send(person, 'update', { hasSnapshot: true });
  h.clock.advance(9_999);
  assert.deepEqual(h.log, []);
  h.clock.advance(1);
  assert.deepEqual(h.log, [`none ${person.id} 10000`]);
  h.snap('yard', 'person', 'LATE');
  assert.deepEqual(h.log, [`none ${person.id} 10000`, `show ${person.id} LATE`]);
});

test('an end that comes before its snapshot: the snapshot is still taken within the wait', () => {
  const h = harness();
  const quick = new FrigateObject('gate');
  h.send(quick, 'new', { hasSnapshot: true });
  h.send(quick, 'end', { hasSnapshot: true });
  h.clock.advance(2_000);
  assert.equal(h.snap('gate', 'person', 'AFTER_END'), 1);
  assert.equal(h.snap('gate', 'person', 'LATER'), 0, 'taken once: the event is closed now');
  assert.deepEqual(h.log, [`show ${quick.id} AFTER_END`]);

  const never = new FrigateObject('shed');
  h.send(never, 'new', { hasSnapshot: true });
  h.send(never, 'end', { hasSnapshot: true });
  h.clock.advance(10_000);
  assert.equal(h.snap('shed', 'person', 'TOO_LATE'), 0);
  assert.deepEqual(h.log.slice(1), [`none ${never.id} 10000`]);
});

test('an update (or end) before any new starts the event there', () => {
  const h = harness();
  h.snap('drive', 'person', 'P');
  const midway = new FrigateObject('drive');
  h.send(midway, 'update', { hasSnapshot: true });
  const endOnly = new FrigateObject('drive');
  h.send(endOnly, 'end', { hasSnapshot: true });
  assert.deepEqual(h.log, [`show ${midway.id} P`, `show ${endOnly.id} P`]);
});

test('labels that are not counted make nothing, and their snapshots are not kept', () => {
  const h = harness();
  const car = new FrigateObject('drive', 'car');
  assert.equal(h.snap('drive', 'car', 'CAR'), 0);
  assert.deepEqual(h.send(car, 'new', { hasSnapshot: true }), {
    kind: 'tracked',
    verdict: 'not_counted',
    shown: false,
    waiting: false,
  });
  assert.equal(h.tracker.snapshotCount, 0);
  h.clock.advance(20_000);
  assert.deepEqual(h.log, []);
  // Counted once the owner adds it (from Frigate's next word about the event).
  h.policy.labels = ['person', 'car'];
  h.send(car, 'update');
  h.snap('drive', 'car', 'CAR2');
  assert.deepEqual(h.log, [`show ${car.id} CAR2`]);
});

test('a recognised face is not a stranger: never shown, or forgotten when named later; it stays known', () => {
  const h = harness();
  const alice = new FrigateObject('door');
  assert.equal(h.send(alice, 'new', { subLabel: ['Alice', 0.92] }).kind, 'tracked');
  h.snap('door', 'person', 'A');
  assert.deepEqual(h.log, [`forget ${alice.id} known_face`]);

  h.log.length = 0;
  const bob = new FrigateObject('porch');
  h.send(bob, 'new');
  h.snap('porch', 'person', 'B1');
  h.send(bob, 'update', { subLabel: ['Bob', 0.81], hasSnapshot: true });
  h.snap('porch', 'person', 'B2');
  h.send(bob, 'update', { subLabel: [null, null], hasSnapshot: true });
  h.send(bob, 'end', { hasSnapshot: true });
  assert.deepEqual(h.log, [`show ${bob.id} B1`, `forget ${bob.id} known_face`]);
});

test("a courier's logo, or knownFacesAreNotStrangers off, leaves a stranger a stranger", () => {
  const h = harness();
  h.snap('door', 'person', 'X');
  const courier = new FrigateObject('door');
  assert.equal(
    (h.send(courier, 'new', { subLabel: ['amazon', 0.9] }) as { verdict: string }).verdict,
    'stranger',
  );
  h.policy.knownFacesAreNotStrangers = false;
  const named = new FrigateObject('door');
  assert.equal(
    (h.send(named, 'new', { subLabel: ['Carol', 0.9] }) as { verdict: string }).verdict,
    'stranger',
  );
  assert.deepEqual(h.log, [`show ${courier.id} X`, `show ${named.id} X`]);
});

test('a false positive is never a sighting, and one already made is forgotten', () => {
  const h = harness();
  h.snap('door', 'person', 'F');
  const ghost = new FrigateObject('door');
  h.send(ghost, 'new', { falsePositive: true, hasSnapshot: true });
  const flipped = new FrigateObject('door');
  h.send(flipped, 'new');
  h.send(flipped, 'update', { falsePositive: true });
  h.send(flipped, 'update', { falsePositive: false });
  h.snap('door', 'person', 'G');
  assert.deepEqual(h.log, [
    `forget ${ghost.id} false_positive`,
    `show ${flipped.id} F`,
    `forget ${flipped.id} false_positive`,
  ]);
  assert.equal(h.clock.pending, 0);
});

test('two people at once on one camera: each event has its own sighting of the snapshot', () => {
  const h = harness();
  const one = new FrigateObject('door');
  const two = new FrigateObject('door');
  const elsewhere = new FrigateObject('yard');
  h.send(one, 'new');
  h.send(two, 'new');
  h.send(elsewhere, 'new');
  assert.equal(h.snap('door', 'person', 'BOTH'), 2);
  assert.deepEqual(h.log, [`show ${one.id} BOTH`, `show ${two.id} BOTH`]);
});

test('memory is bounded: events (oldest dropped, its wait stopped) and snapshots (count and bytes)', () => {
  const h = harness({ maxEvents: 3, maxSnapshots: 4, maxSnapshotBytes: 10 });
  const objects = Array.from({ length: 5 }, (_, i) => new FrigateObject(`cam${i}`));
  for (const object of objects) h.send(object, 'new', { hasSnapshot: true });
  assert.equal(h.tracker.eventCount, 3);
  assert.equal(h.clock.pending, 3, 'the dropped events wait no more');
  // A dropped event heard of again starts over (the store's key keeps it one sighting).
  assert.equal(h.send(objects[0]!, 'update').kind, 'tracked');
  assert.equal(h.tracker.eventCount, 3);

  for (let i = 0; i < 6; i++) h.snap(`other${i}`, 'person', 'xy');
  assert.equal(h.tracker.snapshotCount, 4);
  assert.equal(h.tracker.snapshotBytes, 8);
  h.snap('big', 'person', '123456789');
  assert.equal(h.tracker.snapshotCount, 1, 'older ones give way to stay within the bytes');
  assert.equal(h.tracker.snapshotBytes, 9);
  h.tracker.stop();
  assert.equal(h.clock.pending, 0);
  assert.equal(h.tracker.eventCount, 0);
  assert.equal(h.tracker.snapshotBytes, 0);
});

test('a thousand events by default, the oldest dropped', () => {
  const h = harness();
  for (let i = 0; i < 1_200; i++) h.send(new FrigateObject(`c${i % 10}`), 'new');
  assert.equal(h.tracker.eventCount, 1_000);
});
