// Pictures over MQTT from real mqtt.js cameras that joined and log in with their secret: stored,
// announced once, deduplicated; refused from anyone but the approved camera itself.
import assert from 'node:assert/strict';
import { connect } from 'node:net';
import { afterEach, beforeEach, describe, test } from 'node:test';
import mqttPacket from 'mqtt-packet';
import { api } from '../helpers/devices.js';
import type { TestHub } from '../helpers/in-process-hub.js';
import { connectToken, nextMessage } from '../helpers/mqtt.js';
import { joinDevice } from './support/camera.js';
import { folderEntries, pictureFiles } from './support/folder.js';
import { get, startHubWith } from './support/hub.js';
import { jpeg, png, webp } from './support/pictures.js';
import { waitFor } from './support/wait.js';

let hub: TestHub;
afterEach(async () => {
  await hub.close();
});

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- JSON from the API
const list = async (query = ''): Promise<any[]> =>
  (await api(hub.httpUrl, hub.token, 'GET', `/api/v1/strangers${query}`)).body.strangers;

const refusals = async (): Promise<Array<{ message: string; data?: { code?: string } }>> =>
  (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/activity?limit=200')).body.entries.filter(
    (entry: { kind: string }) => entry.kind === 'stranger_refused',
  );

describe('with default settings', () => {
  beforeEach(async () => {
    hub = await startHubWith();
  });

  test("an approved camera's 1 MiB picture is stored, announced on MQTT and SSE, listed and served by its link", async () => {
    const camera = await joinDevice(hub, 'porch-cam');
    const watcher = await connectToken(hub.mqttUrl, hub.token);
    const heard = nextMessage(watcher, 'hearth/events/stranger');
    const sse = await fetch(`${hub.httpUrl}/api/v1/events`, {
      headers: { authorization: `Bearer ${hub.token}` },
    });
    const bytes = jpeg(1024 * 1024);
    await camera.client.publishAsync('hearth/devices/porch-cam/stranger', bytes, { qos: 1 });

    const event = JSON.parse((await heard).payload);
    assert.equal(event.type, 'stranger');
    const { id, camera: from, size, type, url, at } = event.data;
    assert.match(id, /^[0-9a-f]{24}$/);
    assert.deepEqual([from, size, type], ['porch-cam', bytes.length, 'image/jpeg']);
    assert.ok(Math.abs(Date.parse(at) - Date.now()) < 60_000);
    assert.match(url, new RegExp(`^/api/v1/strangers/${id}/image\\?exp=\\d+&sig=[0-9a-f]{64}$`));

    const reader = sse.body!.getReader();
    let text = '';
    while (!text.includes('event: stranger')) {
      text += Buffer.from((await reader.read()).value ?? []).toString();
    }
    await reader.cancel();
    assert.match(text, new RegExp(`"id":"${id}"`));

    const served = await get(hub, url, null);
    assert.equal(served.status, 200);
    assert.deepEqual(served.body, bytes);
    assert.equal(served.headers.get('content-type'), 'image/jpeg');
    assert.deepEqual(
      (await list()).map((s) => s.id),
      [id],
    );
    assert.deepEqual(pictureFiles(hub.dataDir), [`${id}.jpg`]);
    await watcher.endAsync();
    await camera.end();
  });

  test('the same picture again is the same sighting, counted, with no second event', async () => {
    const camera = await joinDevice(hub, 'yard-cam');
    const watcher = await connectToken(hub.mqttUrl, hub.token);
    const events: string[] = [];
    await watcher.subscribeAsync('hearth/events/stranger', { qos: 1 });
    watcher.on('message', (_topic, payload) => events.push(JSON.parse(payload.toString()).data.id));
    const bytes = png(50_000, 7);
    await camera.client.publishAsync('hearth/devices/yard-cam/stranger', bytes, { qos: 1 });
    const [first] = await waitFor('the first event', () => events.length === 1 && events);
    await camera.client.publishAsync('hearth/devices/yard-cam/stranger', bytes, { qos: 1 });
    await waitFor('the count to reach 2', async () => (await list())[0]?.count === 2);
    // MQTT keeps order: a (wrong) second event would arrive before the next picture's.
    await camera.client.publishAsync('hearth/devices/yard-cam/stranger', webp(4000, 8), {
      qos: 1,
    });
    await waitFor('the third picture', () => events.length >= 2);
    const all = await list();
    assert.equal(events.length, 2);
    assert.equal(events[0], first);
    assert.deepEqual(
      all.map((s) => [s.type, s.count]),
      [
        ['image/webp', 1],
        ['image/png', 2],
      ],
    );
    assert.equal(pictureFiles(hub.dataDir).length, 2);
    await watcher.endAsync();
    await camera.end();
  });

  test('refused, nothing stored: a lock, a camera naming another camera, bytes that are no picture, a truncated JPEG', async () => {
    const lock = await joinDevice(hub, 'front-lock', 'lock');
    const camA = await joinDevice(hub, 'cam-a');
    await joinDevice(hub, 'cam-b').then((camB) => camB.end());
    const before = folderEntries(hub.dataDir);

    await lock.client.publishAsync('hearth/devices/front-lock/stranger', jpeg(2000), { qos: 1 });
    await camA.client.publishAsync('hearth/devices/cam-a/stranger', Buffer.from('not a picture'), {
      qos: 1,
    });
    await camA.client.publishAsync('hearth/devices/cam-a/stranger', jpeg(5000).subarray(0, 4000), {
      qos: 1,
    });
    await waitFor('three refusals', async () => (await refusals()).length >= 3);
    const codes = (await refusals()).map((entry) => entry.data?.code).sort();
    assert.deepEqual(codes, ['not_a_camera', 'not_a_picture', 'not_a_picture']);

    // The broker refuses another camera's topic by closing the connection.
    const closed = new Promise((resolve) => camA.client.once('close', () => resolve(undefined)));
    camA.client.publish('hearth/devices/cam-b/stranger', jpeg(2000, 3), { qos: 1 }, () => {});
    await closed;
    await waitFor('the refusal in the activity history', async () =>
      (await api(hub.httpUrl, hub.token, 'GET', '/api/v1/activity?limit=200')).body.entries.some(
        (entry: { message: string }) => entry.message.includes('hearth/devices/cam-b/stranger'),
      ),
    );
    assert.deepEqual(await list(), []);
    assert.deepEqual(folderEntries(hub.dataDir), before);
    await lock.end();
  });

  test('one byte over the cap is refused; 100 times over is cut off by the broker; nothing stored', async () => {
    const camera = await joinDevice(hub, 'big-cam');
    const cap = 8 * 1024 * 1024;
    // The broker's packet cap leaves room for the topic, so the picture cap itself decides.
    await camera.client.publishAsync('hearth/devices/big-cam/stranger', jpeg(cap + 1), { qos: 1 });
    await waitFor('the refusal', async () =>
      (await refusals()).some((entry) => entry.data?.code === 'payload_too_large'),
    );
    await camera.end();

    // 100 times over, as a raw stream: the broker closes the connection long before the end.
    const socket = connect({ host: '127.0.0.1', port: Number(new URL(hub.mqttUrl).port) });
    socket.on('error', () => {});
    await new Promise((resolve) => socket.once('connect', resolve));
    const again = await joinDevice(hub, 'big-cam-2');
    await again.end();
    socket.write(
      mqttPacket.generate({
        cmd: 'connect',
        protocolId: 'MQTT',
        protocolVersion: 4,
        clean: true,
        clientId: again.id,
        keepalive: 60,
        username: again.id,
        password: Buffer.from(again.secret),
      }),
    );
    const topic = Buffer.from('hearth/devices/big-cam-2/stranger');
    const declared = 100 * cap;
    const length: number[] = [];
    for (let rest = 2 + topic.length + 2 + declared; rest > 0; rest = Math.floor(rest / 128)) {
      length.push((rest % 128) | (rest >= 128 ? 0x80 : 0));
    }
    socket.write(Buffer.concat([Buffer.from([0x32, ...length]), Buffer.from([0, topic.length])]));
    socket.write(Buffer.concat([topic, Buffer.from([0, 1]), jpeg(1024)]));
    let sent = 0;
    const chunk = Buffer.alloc(256 * 1024);
    const done = new Promise((resolve) => socket.once('close', resolve));
    let open = true;
    void done.then(() => (open = false));
    while (open && sent < declared) {
      if (!socket.write(chunk)) await new Promise((resolve) => setTimeout(resolve, 5));
      sent += chunk.length;
    }
    await done;
    assert.ok(sent < 4 * cap, `the hub stopped reading after ${sent} of ${declared} bytes`);
    assert.deepEqual(await list(), []);
    assert.deepEqual(pictureFiles(hub.dataDir), []);
  });
});

describe('with a 64 KiB cap', () => {
  beforeEach(async () => {
    hub = await startHubWith({ maxPictureBytes: 64 * 1024 });
  });

  test('a picture at the cap is stored; one byte over and 100 times over are refused, nothing stored', async () => {
    const camera = await joinDevice(hub, 'small-cam');
    const cap = 64 * 1024;
    await camera.client.publishAsync('hearth/devices/small-cam/stranger', jpeg(cap + 1), {
      qos: 1,
    });
    await camera.client.publishAsync('hearth/devices/small-cam/stranger', jpeg(100 * cap, 2), {
      qos: 1,
    });
    await waitFor('two refusals', async () => (await refusals()).length >= 2);
    assert.deepEqual(
      (await refusals()).map((entry) => entry.data?.code),
      ['payload_too_large', 'payload_too_large'],
    );
    assert.deepEqual(pictureFiles(hub.dataDir), []);
    await camera.client.publishAsync('hearth/devices/small-cam/stranger', jpeg(cap, 3), { qos: 1 });
    const [stored] = await waitFor('the picture at the cap', async () => {
      const listed = await list();
      return listed.length > 0 && listed;
    });
    assert.equal(stored.size, cap);
    assert.deepEqual(pictureFiles(hub.dataDir), [`${stored.id}.jpg`]);
    await camera.end();
  });
});
