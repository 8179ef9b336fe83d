// lock_state events on MQTT (hearth/events/lock_state) and SSE (GET /api/v1/events) for every
// state change (contract 3.3).
import assert from 'node:assert/strict';
import { afterEach, beforeEach, test } from 'node:test';
import type { TestHub } from '../helpers/in-process-hub.js';
import {
  command,
  pause,
  startLockHub,
  waitFor,
  watchEvents,
  type HubEventSeen,
} from './lock-fixture.js';
import { confirm, joinLock, type TestLock } from './test-lock.js';

let hub: TestHub;
let lock: TestLock;
beforeEach(async () => {
  hub = await startLockHub();
  lock = await joinLock(hub, 'front-door', 'Front door', confirm({ transition: true }));
  await lock.settle('UNLOCKED');
});
afterEach(async () => {
  await lock.end();
  await hub.close();
});

const states = (seen: HubEventSeen[]): string[] =>
  seen.filter((event) => event.type === 'lock_state').map((event) => String(event.data.state));

test('every change is a lock_state event on hearth/events/lock_state; a repeated report is not a change', async () => {
  const watcher = await watchEvents(hub, 'lock_state', 'lock_command');
  assert.equal((await command(hub, 'front-door', 'lock')).status, 200);
  await waitFor('locking and locked', () => states(watcher.seen).length >= 2);
  const events = watcher.seen.filter((event) => event.type === 'lock_state');
  assert.deepEqual(states(watcher.seen), ['locking', 'locked']);
  for (const event of events) {
    assert.deepEqual(Object.keys(event).sort(), ['at', 'data', 'type']);
    assert.equal(event.data.id, 'front-door');
    assert.ok(!Number.isNaN(Date.parse(event.at)));
  }
  assert.equal(events[0]!.data.previous, 'unlocked');
  assert.equal(events[1]!.data.previous, 'locking');
  await waitFor('the lock_command event', () =>
    watcher.seen.find((event) => event.type === 'lock_command'),
  );
  const commanded = watcher.seen.find((event) => event.type === 'lock_command')!;
  assert.equal(commanded.data.id, 'front-door');
  assert.equal(commanded.data.result, 'ok');
  await lock.report('LOCKED'); // the same again
  await lock.report('{"state":"LOCKED","battery":55}'); // a battery change is a change
  await waitFor('the battery change', () => states(watcher.seen).length >= 3);
  await pause(200);
  assert.deepEqual(states(watcher.seen), ['locking', 'locked', 'locked']);
  assert.equal(watcher.seen.filter((e) => e.type === 'lock_state').at(-1)!.data.battery, 55);
  await watcher.end();
});

test('garbage on the state topic is not a lock_state event', async () => {
  const watcher = await watchEvents(hub, 'lock_state');
  await lock.report('{{{');
  await lock.report(Buffer.alloc(4096, 'x'));
  await pause(300);
  assert.deepEqual(states(watcher.seen), []);
  await watcher.end();
});

test('the same lock_state events arrive over SSE', async () => {
  const abort = new AbortController();
  const response = await fetch(`${hub.httpUrl}/api/v1/events`, {
    headers: { authorization: `Bearer ${hub.token}`, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type') ?? '', /text\/event-stream/);
  const seen: HubEventSeen[] = [];
  const reading = (async () => {
    const decoder = new TextDecoder();
    let buffer = '';
    try {
      for await (const chunk of response.body!) {
        buffer += decoder.decode(chunk as Uint8Array, { stream: true });
        let end: number;
        while ((end = buffer.indexOf('\n\n')) >= 0) {
          const block = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          const type = /^event: (.+)$/m.exec(block)?.[1];
          const data = /^data: (.+)$/m.exec(block)?.[1];
          if (type && data) {
            const event = JSON.parse(data) as HubEventSeen;
            assert.equal(event.type, type);
            seen.push(event);
          }
        }
      }
    } catch {
      // aborted at the end of the test
    }
  })();
  await pause(100); // the stream is open before the command
  assert.equal((await command(hub, 'front-door', 'lock')).status, 200);
  await waitFor('locking and locked over SSE', () => states(seen).length >= 2);
  assert.deepEqual(states(seen), ['locking', 'locked']);
  assert.equal(seen.find((event) => event.type === 'lock_state')!.data.id, 'front-door');
  abort.abort();
  await reading;
});
