// Retained messages through the topic index (retained-index.ts): an exact subscription gets
// the topic's retained message, a replaced one only the newest, a cleared one nothing; a
// wildcard subscription still gets every match from aedes' own scan.
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import type { MqttClient } from 'mqtt';
import { startFixture, type Fixture } from './broker-fixture.js';

let fixture: Fixture | null = null;
afterEach(async () => {
  await fixture?.close();
  fixture = null;
});

/** Subscribes and collects what arrives in the next `ms`: retained messages come at once. */
async function retainedFor(client: MqttClient, filter: string, ms = 300): Promise<string[]> {
  const got: string[] = [];
  client.on('message', (topic, payload, packet) => {
    if (packet.retain) got.push(`${topic}=${payload.toString()}`);
  });
  await client.subscribeAsync(filter, { qos: 1 });
  await new Promise((resolve) => setTimeout(resolve, ms));
  return got.sort();
}

test('exact and wildcard subscriptions get the retained messages they match, newest only', async () => {
  fixture = await startFixture();
  const publisher = await fixture.connect();
  await publisher.publishAsync('home/a/state', 'OLD', { qos: 1, retain: true });
  await publisher.publishAsync('home/a/state', 'LOCKED', { qos: 1, retain: true });
  await publisher.publishAsync('home/b/state', 'UNLOCKED', { qos: 1, retain: true });
  await publisher.publishAsync('home/c/state', 'GONE', { qos: 1, retain: true });
  await publisher.publishAsync('home/c/state', '', { qos: 1, retain: true });
  await publisher.publishAsync('home/d/state', 'NOT RETAINED', { qos: 1, retain: false });

  assert.deepEqual(await retainedFor(await fixture.connect(), 'home/a/state'), [
    'home/a/state=LOCKED',
  ]);
  assert.deepEqual(await retainedFor(await fixture.connect(), 'home/c/state'), []);
  assert.deepEqual(await retainedFor(await fixture.connect(), 'home/d/state'), []);
  assert.deepEqual(await retainedFor(await fixture.connect(), 'home/+/state'), [
    'home/a/state=LOCKED',
    'home/b/state=UNLOCKED',
  ]);
  assert.deepEqual(await retainedFor(await fixture.connect(), 'home/#'), [
    'home/a/state=LOCKED',
    'home/b/state=UNLOCKED',
  ]);
});
