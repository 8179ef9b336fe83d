// Frigate end to end (issue 11) on Hearth's own broker: a real mqtt.js client logged in with the
// integration account the owner made for Frigate replays what Frigate publishes (events as JSON,
// retained JPEG snapshots per camera and label), in order and out of it. Everything is checked
// through the HTTP API, as the owner would see it.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { after, before, test } from 'node:test';
import mqtt, { type MqttClient } from 'mqtt';
import { api, delay } from '../../helpers/devices.js';
import { startTestHub, type TestHub } from '../../helpers/in-process-hub.js';
import { connectToken } from '../../helpers/mqtt.js';
import { joinDevice } from '../../strangers/support/camera.js';
import { jpeg } from '../../strangers/support/pictures.js';
import { waitFor } from '../../strangers/support/wait.js';
import { FrigateObject, type ObjectChanges } from './support.js';

let hub: TestHub;
let frigate: MqttClient;
let integrationId: string;
const announced: Array<{ id: string; camera: string }> = [];
let markers = 0;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
type Json = any;

const call = (
  method: string,
  path: string,
  body?: unknown,
): Promise<{ status: number; body: Json }> => api(hub.httpUrl, hub.token, method, path, body);

const sightings = async (camera: string): Promise<Json[]> =>
  (await call('GET', `/api/v1/strangers?camera=${camera}`)).body.strangers;

const device = async (id: string): Promise<Json> => {
  const got = await call('GET', `/api/v1/devices/${id}`);
  return got.status === 200 ? got.body : null;
};

const activity = async (kind: string): Promise<Json[]> =>
  (await call('GET', '/api/v1/activity?limit=500')).body.entries.filter(
    (entry: { kind: string }) => entry.kind === kind,
  );

/** Who is registered and what the owner decided (not availability, which comes and goes). */
const deviceSummary = async (): Promise<string[]> =>
  (await call('GET', '/api/v1/devices')).body.devices.map(
    (d: Json) => `${d.id} ${d.kind} ${d.status} ${JSON.stringify(d.bridge)}`,
  );

const picture = async (url: string): Promise<Buffer> => {
  const response = await fetch(`${hub.httpUrl}${url}`);
  assert.equal(response.status, 200);
  return Buffer.from(await response.arrayBuffer());
};

const sha = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

const send = (
  client: MqttClient,
  object: FrigateObject,
  type: 'new' | 'update' | 'end',
  changes?: ObjectChanges,
): Promise<unknown> =>
  client.publishAsync('frigate/events', object.message(type, changes), { qos: 1 });

const snapshot = (
  client: MqttClient,
  camera: string,
  label: string,
  bytes: Buffer,
): Promise<unknown> =>
  client.publishAsync(`frigate/${camera}/${label}/snapshot`, bytes, { qos: 1, retain: true });

/**
 * Waits until everything Frigate sent before is done: a marker event's sighting is stored after
 * theirs (the tracker decides at once; the store writes in order).
 */
async function settled(): Promise<void> {
  const marker = new FrigateObject('marker');
  const bytes = jpeg(600, 10_000 + markers++);
  await snapshot(frigate, 'marker', 'person', bytes);
  await send(frigate, marker, 'new');
  await send(frigate, marker, 'end');
  await waitFor('the marker sighting', async () =>
    (await sightings('frigate.marker')).some((s: Json) => s.externalId === `frigate:${marker.id}`),
  );
}

before(async () => {
  hub = await startTestHub();
  hub.hub.events.onAny((event) => {
    if (event.type === 'stranger') announced.push(event.data as { id: string; camera: string });
  });
  const created = await call('POST', '/api/v1/integrations', {
    name: 'frigate',
    rights: [
      { filter: 'frigate/#', publish: true, subscribe: true },
      { filter: 'nvr/#', publish: true, subscribe: false },
    ],
  });
  assert.equal(created.status, 200, JSON.stringify(created.body));
  integrationId = created.body.id;
  frigate = await mqtt.connectAsync(hub.mqttUrl, {
    clientId: 'frigate',
    username: created.body.username,
    password: created.body.password,
    reconnectPeriod: 0,
  });
});
after(async () => {
  await frigate.endAsync(true);
  await hub.close();
});

test('new → snapshot → update → better snapshot → update → end: one sighting with the latest picture, on an approved Frigate camera', async () => {
  const person = new FrigateObject('front_door');
  const first = jpeg(40_000, 1);
  const better = jpeg(55_000, 2);
  await send(frigate, person, 'new');
  await snapshot(frigate, 'front_door', 'person', first);
  await send(frigate, person, 'update', { hasSnapshot: true });
  // Frigate sends a better snapshot seconds later, not in the same breath: the first one is
  // stored by then (a burst within one write is folded into it, the latest winning).
  await waitFor('the first picture stored', async () =>
    (await sightings('frigate.front_door')).some((s: Json) => s.size === first.length),
  );
  await snapshot(frigate, 'front_door', 'person', better);
  await send(frigate, person, 'update', { hasSnapshot: true });
  await send(frigate, person, 'end', { hasSnapshot: true });
  await settled();

  const list = await sightings('frigate.front_door');
  assert.equal(list.length, 1);
  const [sighting] = list;
  assert.equal(sighting.externalId, `frigate:${person.id}`);
  assert.equal(sighting.type, 'image/jpeg');
  assert.equal(sighting.count, 2, 'made with the first snapshot, replaced once by the better one');
  assert.equal(sighting.size, better.length);
  assert.equal(sha(await picture(sighting.url)), sha(better));
  assert.deepEqual(
    announced.filter((s) => s.camera === 'frigate.front_door').map((s) => s.id),
    [sighting.id],
    'announced once, as one stranger',
  );

  const camera = await device('frigate.front_door');
  assert.equal(camera.kind, 'camera');
  assert.equal(camera.status, 'approved');
  assert.equal(camera.name, 'front_door');
  assert.deepEqual(camera.bridge, {
    source: 'frigate',
    integrationId,
    model: 'Frigate',
    removalRequested: false,
  });
  const listed = (await call('GET', '/api/v1/devices')).body.devices;
  assert.ok(listed.some((d: Json) => d.id === 'frigate.front_door' && d.status === 'approved'));

  // Ended: a late update is refused with a note, a newer snapshot is not its picture.
  await send(frigate, person, 'update', { hasSnapshot: true });
  await snapshot(frigate, 'front_door', 'person', jpeg(30_000, 3));
  await settled();
  const still = await sightings('frigate.front_door');
  assert.deepEqual(
    still.map((s: Json) => [s.id, s.size, s.count, s.at]),
    [[sighting.id, sighting.size, sighting.count, sighting.at]],
  );
  assert.equal(sha(await picture(still[0].url)), sha(better));
  const late = await activity('frigate_refused');
  assert.ok(
    late.some((entry) => entry.data.code === 'after_end' && entry.message.includes(person.id)),
  );
});

test("a second camera's event is its own camera and its own sighting", async () => {
  const before = (await sightings('frigate.front_door')).map((s: Json) => s.id);
  const person = new FrigateObject('back_yard');
  const bytes = jpeg(20_000, 21);
  await send(frigate, person, 'new', { hasSnapshot: true });
  await snapshot(frigate, 'back_yard', 'person', bytes);
  const [sighting] = await waitFor('the back yard sighting', () =>
    sightings('frigate.back_yard').then((l) => l.length === 1 && l),
  );
  assert.equal(sha(await picture(sighting.url)), sha(bytes));
  assert.equal((await device('frigate.back_yard')).status, 'approved');
  assert.deepEqual(
    (await sightings('frigate.front_door')).map((s: Json) => s.id),
    before,
  );
});

test('a car is not counted: its camera is registered, no sighting', async () => {
  const car = new FrigateObject('driveway', 'car');
  await snapshot(frigate, 'driveway', 'car', jpeg(10_000, 31));
  await send(frigate, car, 'new', { hasSnapshot: true });
  await send(frigate, car, 'end', { hasSnapshot: true });
  await settled();
  assert.deepEqual(await sightings('frigate.driveway'), []);
  assert.equal((await device('frigate.driveway')).kind, 'camera');
});

test('a recognised face is no stranger: no sighting, and one made before the name came is deleted', async () => {
  const alice = new FrigateObject('porch');
  await send(frigate, alice, 'new', { subLabel: ['Alice', 0.93] });
  await snapshot(frigate, 'porch', 'person', jpeg(12_000, 41));
  await send(frigate, alice, 'update', { subLabel: ['Alice', 0.93], hasSnapshot: true });
  await send(frigate, alice, 'end', { subLabel: ['Alice', 0.93], hasSnapshot: true });
  await settled();
  assert.deepEqual(await sightings('frigate.porch'), []);

  const bob = new FrigateObject('porch');
  await send(frigate, bob, 'new');
  await snapshot(frigate, 'porch', 'person', jpeg(12_000, 42));
  await waitFor('a sighting before the face is known', () =>
    sightings('frigate.porch').then((l) => l.length === 1),
  );
  await send(frigate, bob, 'update', { subLabel: ['Bob', 0.81], hasSnapshot: true });
  await waitFor('the sighting deleted', () =>
    sightings('frigate.porch').then((l) => l.length === 0),
  );
  await waitFor('the deletion noted', async () =>
    (await activity('frigate_not_a_stranger')).some(
      (entry) => entry.message.includes(bob.id) && /known face/.test(entry.message),
    ),
  );
  await snapshot(frigate, 'porch', 'person', jpeg(12_000, 43));
  await send(frigate, bob, 'end', { subLabel: ['Bob', 0.81], hasSnapshot: true });
  await settled();
  assert.deepEqual(await sightings('frigate.porch'), []);
});

test('out of order: a snapshot before its event, an update before any new, has_snapshot before the snapshot', async () => {
  const early = jpeg(15_000, 51);
  await snapshot(frigate, 'garage', 'person', early);
  const midway = new FrigateObject('garage');
  await send(frigate, midway, 'update', { hasSnapshot: true });
  const [sighting] = await waitFor('the garage sighting', () =>
    sightings('frigate.garage').then((l) => l.length === 1 && l),
  );
  assert.equal(sighting.externalId, `frigate:${midway.id}`);
  assert.equal(sha(await picture(sighting.url)), sha(early));

  const waiting = new FrigateObject('side_gate');
  await send(frigate, waiting, 'new', { hasSnapshot: true });
  await delay(300);
  assert.deepEqual(await sightings('frigate.side_gate'), []);
  const late = jpeg(16_000, 52);
  await snapshot(frigate, 'side_gate', 'person', late);
  const [taken] = await waitFor('the side gate sighting', () =>
    sightings('frigate.side_gate').then((l) => l.length === 1 && l),
  );
  assert.equal(sha(await picture(taken.url)), sha(late));
});

test('a camera Hearth cannot take is refused with a note: another device has its id, or the owner rejected it', async () => {
  const own = await joinDevice(hub, 'frigate.lobby');
  const lobby = new FrigateObject('lobby');
  await snapshot(frigate, 'lobby', 'person', jpeg(9_000, 61));
  await send(frigate, lobby, 'new', { hasSnapshot: true });
  await waitFor('the clash noted', async () =>
    (await activity('frigate_refused')).some(
      (entry) => entry.data.code === 'camera_clash' && entry.message.includes('frigate.lobby'),
    ),
  );
  assert.equal(
    (await device('frigate.lobby')).bridge,
    null,
    'the device that joined itself is untouched',
  );
  assert.deepEqual(await sightings('frigate.lobby'), []);
  await own.end();

  const cellar = new FrigateObject('cellar', 'car');
  await send(frigate, cellar, 'new');
  await waitFor('the cellar camera', () => device('frigate.cellar'));
  assert.equal((await call('POST', '/api/v1/devices/frigate.cellar/reject')).status, 200);
  const intruder = new FrigateObject('cellar');
  await snapshot(frigate, 'cellar', 'person', jpeg(9_000, 62));
  await send(frigate, intruder, 'new', { hasSnapshot: true });
  await waitFor('the rejection noted', async () =>
    (await activity('frigate_refused')).some(
      (entry) =>
        entry.data.code === 'camera_not_approved' && entry.message.includes('frigate.cellar'),
    ),
  );
  await settled();
  assert.deepEqual(await sightings('frigate.cellar'), []);
  assert.equal((await device('frigate.cellar')).status, 'rejected');
});

test('junk JSON and oversized payloads are refused with a note, and nothing else changes', async () => {
  await settled();
  const devicesBefore = await deviceSummary();
  const strangersBefore = (await call('GET', '/api/v1/strangers?limit=500')).body.strangers.map(
    (s: Json) => s.id,
  );
  assert.equal(
    (await call('PATCH', '/api/v1/settings', { strangers: { maxPictureBytes: 64 * 1024 } })).status,
    200,
  );
  try {
    await frigate.publishAsync('frigate/events', '{"type": "new", "after": {', { qos: 1 });
    await frigate.publishAsync(
      'frigate/events',
      JSON.stringify({ type: 'new', after: { id: 'x', camera: 'junk_cam' } }),
      { qos: 1 },
    );
    const huge = JSON.parse(new FrigateObject('junk_cam').message('new'));
    huge.after.path_data = Array.from({ length: 5_000 }, (_, i) => [[0.1, 0.2], i]);
    await frigate.publishAsync('frigate/events', JSON.stringify(huge), { qos: 1 });
    await snapshot(frigate, 'junk_cam', 'person', jpeg(65 * 1024, 71));
    await snapshot(frigate, 'junk_cam', 'person', Buffer.from('<html>not a picture</html>'));
    const codes = await waitFor('the refusals', async () => {
      const found = (await activity('frigate_refused')).map((entry) => entry.data.code as string);
      return (
        ['bad_event', 'payload_too_large', 'not_a_picture'].every((code) => found.includes(code)) &&
        found
      );
    });
    assert.ok(codes.filter((code) => code === 'bad_event').length >= 3, codes.join());
  } finally {
    await call('PATCH', '/api/v1/settings', { strangers: { maxPictureBytes: 8 * 1024 * 1024 } });
  }
  const oversized = (await activity('frigate_refused')).find(
    (entry) => entry.data.code === 'bad_event' && /over 65536 bytes/.test(entry.message),
  );
  assert.ok(oversized, 'the oversized event is named as such');
  await settled();
  const strangersAfter = (await call('GET', '/api/v1/strangers?limit=500')).body.strangers.map(
    (s: Json) => s.id,
  );
  assert.deepEqual(
    strangersAfter.filter((id: string) => !strangersBefore.includes(id)).length,
    1,
    'only the marker',
  );
  const devicesAfter = await deviceSummary();
  assert.deepEqual(devicesAfter, devicesBefore);
  assert.equal(await device('frigate.junk_cam'), null);
});

test('a token client or a device on frigate/events is not a Frigate account: ignored', async () => {
  const token = await connectToken(hub.mqttUrl, hub.token);
  const camera = await joinDevice(hub, 'hall-cam');
  try {
    const forged = new FrigateObject('forged_cam');
    await token.publishAsync('frigate/forged_cam/person/snapshot', jpeg(8_000, 81), { qos: 1 });
    await token.publishAsync('frigate/events', forged.message('new', { hasSnapshot: true }), {
      qos: 1,
    });
    // The broker itself refuses a device's publish outside its own topics.
    camera.client.publish('frigate/events', new FrigateObject('forged_cam').message('new'), {
      qos: 0,
    });
    await waitFor('the token refusal noted', async () =>
      (await activity('frigate_refused')).some((entry) => entry.data.code === 'forbidden'),
    );
    await settled();
    assert.equal(await device('frigate.forged_cam'), null);
    assert.deepEqual(await sightings('frigate.forged_cam'), []);
  } finally {
    await token.endAsync(true);
    await camera.end();
  }
});

test('the topic prefix setting is followed: frigate/ is no longer heard, nvr/ is', async () => {
  assert.equal(
    (await call('PATCH', '/api/v1/settings', { frigate: { topicPrefix: 'nvr' } })).status,
    200,
  );
  try {
    const old = new FrigateObject('attic');
    await snapshot(frigate, 'attic', 'person', jpeg(5_000, 91));
    await send(frigate, old, 'new');
    const person = new FrigateObject('loft');
    const bytes = jpeg(5_000, 92);
    await frigate.publishAsync('nvr/loft/person/snapshot', bytes, { qos: 1, retain: true });
    await frigate.publishAsync('nvr/events', person.message('new'), { qos: 1 });
    const [sighting] = await waitFor('the loft sighting', () =>
      sightings('frigate.loft').then((l) => l.length === 1 && l),
    );
    assert.equal(sha(await picture(sighting.url)), sha(bytes));
    assert.equal(await device('frigate.attic'), null);
  } finally {
    await call('PATCH', '/api/v1/settings', { frigate: { topicPrefix: 'frigate' } });
  }
});
