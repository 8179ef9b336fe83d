// The intake's own rules with a bus and services in memory: who counts as Frigate on the embedded
// and on an external broker, camera ownership between integration accounts, the writes to the
// store (one at a time per sighting, the latest winning), and following the prefix setting.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { Principal } from '../../../src-main/hub/broker/access.js';
import type { InboundMessage, MessageBus } from '../../../src-main/hub/broker/bus.js';
import { topicMatches } from '../../../src-main/hub/broker/topic-filter.js';
import { startFrigateIntake } from '../../../src-main/hub/bridges/frigate/frigate-intake.js';
import { silentLogger } from '../../../src-main/hub/log.js';
import {
  FrigateSettingsSchema,
  type DeviceRecord,
} from '../../../src-main/hub/store/state-schema.js';
import type { BridgeMapping } from '../../../src-main/shared/bridge-mapping.js';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import { delay } from '../../helpers/devices.js';
import { jpeg } from '../../strangers/support/pictures.js';
import { waitFor } from '../../strangers/support/wait.js';
import { FrigateObject } from './support.js';

const FRIGATE: Principal = { kind: 'integration', integrationId: 'frigate-1' };

function world(options: { external?: boolean } = {}) {
  const handlers = new Map<string, (message: InboundMessage) => void>();
  const bus = {
    subscribe(filter: string, handler: (message: InboundMessage) => void) {
      handlers.set(filter, handler);
      return () => handlers.delete(filter);
    },
  } as unknown as MessageBus;
  const devices = new Map<string, DeviceRecord>();
  const registry = {
    find: (id: string) => devices.get(id),
    list: () => [...devices.values()] as unknown as DeviceView[],
    addBridged: (
      id: string,
      kind: DeviceRecord['kind'],
      name: string,
      bridge: BridgeMapping,
      approve: boolean,
    ) => {
      const record = {
        id,
        kind,
        name,
        bridge,
        status: approve ? 'approved' : 'pending',
      } as DeviceRecord;
      devices.set(id, record);
      return record;
    },
    updateBridged: (id: string, bridge: BridgeMapping) => {
      devices.set(id, { ...devices.get(id)!, bridge });
    },
  };
  const writes: string[] = [];
  /** Writes wait for this: a test holds them to see what piles up meanwhile. */
  let gate: Promise<void> = Promise.resolve();
  let release = (): void => {};
  const stored = new Map<string, number>();
  const strangers = {
    maxPictureBytes: () => 1024 * 1024,
    putSighting: async (camera: string, key: string, bytes: Buffer) => {
      writes.push(`put ${camera} ${key} ${bytes.length}`);
      await gate;
      stored.set(key, bytes.length);
      return { ok: false as const, code: 'busy' as const, message: 'not kept' };
    },
    removeSighting: async (key: string) => {
      writes.push(`remove ${key}`);
      return stored.delete(key);
    },
  };
  const notes: Array<{ kind: string; code: unknown; message: string }> = [];
  let settings = FrigateSettingsSchema.parse({});
  const listeners = new Set<() => void>();
  const stop = startFrigateIntake({
    bus,
    registry,
    strangers,
    settings: () => settings,
    onSettingsChange: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    activity: {
      record: (entry) => {
        notes.push({ kind: entry.kind, code: entry.data?.code, message: entry.message });
        return { ...entry, seq: 0, at: '' };
      },
    },
    external: options.external ?? false,
    log: silentLogger,
  });
  const deliver = (
    topic: string,
    payload: string | Buffer,
    principal: Principal | null = FRIGATE,
  ): void => {
    for (const [filter, handler] of handlers) {
      if (topicMatches(filter, topic)) {
        handler({ topic, payload: Buffer.from(payload), clientId: 'frigate', principal });
      }
    }
  };
  return {
    deliver,
    devices,
    writes,
    notes,
    handlers,
    stop,
    hold() {
      gate = new Promise((resolve) => (release = resolve));
    },
    release: () => release(),
    setSettings(patch: Partial<typeof settings>) {
      settings = { ...settings, ...patch };
      for (const listener of listeners) listener();
    },
  };
}

test('on the embedded broker only an integration account counts; a token, a device or no one is refused', () => {
  const w = world();
  const person = new FrigateObject('door');
  const tokens: Principal[] = [
    { kind: 'token', tokenId: 't1', scope: 'admin' },
    { kind: 'device', deviceId: 'cam', stage: 'approved', address: '127.0.0.1' },
  ];
  for (const principal of [...tokens, null]) {
    w.deliver('frigate/door/person/snapshot', jpeg(1_000), principal);
    w.deliver('frigate/events', person.message('new'), principal);
  }
  assert.equal(w.devices.size, 0);
  assert.deepEqual(w.writes, []);
  assert.ok(w.notes.every((note) => note.kind === 'frigate_refused' && note.code === 'forbidden'));
  assert.ok(
    w.notes.length > 0 && w.notes.length <= 6,
    'a few notes a minute per sender, not one per message',
  );
  w.stop();
});

test('on an external broker a message without a sender is Frigate (the broker decided); its cameras have no integration', async () => {
  const w = world({ external: true });
  const person = new FrigateObject('door');
  w.deliver('frigate/events', person.message('new'), null);
  w.deliver('frigate/door/person/snapshot', jpeg(1_000), null);
  await delay(5);
  assert.equal(w.devices.get('frigate.door')?.bridge?.integrationId, null);
  assert.equal(w.devices.get('frigate.door')?.status, 'approved');
  assert.deepEqual(w.writes, [`put frigate.door frigate:${person.id} 1000`]);
  // Back on the embedded broker, the account that reports it takes it over.
  w.deliver('frigate/events', person.message('update'), FRIGATE);
  assert.equal(w.devices.get('frigate.door')?.bridge?.integrationId, 'frigate-1');
  w.stop();
});

test('another integration account cannot report on a camera that is not its own', () => {
  const w = world();
  w.deliver('frigate/events', new FrigateObject('door', 'car').message('new'));
  w.deliver('frigate/events', new FrigateObject('door').message('new'), {
    kind: 'integration',
    integrationId: 'other-nvr',
  });
  assert.deepEqual(
    w.notes.map((note) => note.code),
    ['other_integration'],
  );
  assert.match(w.notes[0]!.message, /frigate\.door belongs to integration frigate-1/);
  w.stop();
});

test('writes to the store go one at a time per sighting, the latest wish winning', async () => {
  const w = world();
  const person = new FrigateObject('door');
  w.deliver('frigate/events', person.message('new'));
  w.hold();
  for (let i = 1; i <= 5; i++) w.deliver('frigate/door/person/snapshot', jpeg(1_000 + i));
  // The first write is on its way; of the four pictures that came meanwhile only the last is due.
  assert.deepEqual(w.writes, [`put frigate.door frigate:${person.id} 1001`]);
  w.release();
  await waitFor('the latest picture written', () =>
    w.writes.some((line) => line.endsWith(' 1005')),
  );
  await delay(10);
  assert.deepEqual(w.writes, [
    `put frigate.door frigate:${person.id} 1001`,
    `put frigate.door frigate:${person.id} 1005`,
  ]);

  // A recognised face while a picture is being written: the deletion comes after it.
  w.hold();
  w.deliver('frigate/door/person/snapshot', jpeg(2_000));
  w.deliver('frigate/events', person.message('update', { subLabel: ['Dana', 0.9] }));
  w.release();
  await waitFor('the deletion noted', () => w.notes.length > 0);
  assert.deepEqual(w.writes.slice(2), [
    `put frigate.door frigate:${person.id} 2000`,
    `remove frigate:${person.id}`,
  ]);
  assert.deepEqual(
    w.notes.map((note) => note.kind),
    ['frigate_not_a_stranger'],
  );

  // A picture still waiting its turn when the face is named is never written.
  const eve = new FrigateObject('yard');
  w.deliver('frigate/events', eve.message('new'));
  w.hold();
  w.deliver('frigate/yard/person/snapshot', jpeg(3_000));
  w.deliver('frigate/yard/person/snapshot', jpeg(3_001));
  w.deliver('frigate/events', eve.message('update', { subLabel: ['Eve', 0.9] }));
  w.release();
  await waitFor('the second deletion', () => w.notes.length > 1);
  assert.deepEqual(w.writes.slice(4), [
    `put frigate.yard frigate:${eve.id} 3000`,
    `remove frigate:${eve.id}`,
  ]);
  w.stop();
});

test('the prefix setting is followed: the old topics are let go, the new ones heard', () => {
  const w = world();
  assert.deepEqual([...w.handlers.keys()].sort(), ['frigate/+/+/snapshot', 'frigate/events']);
  w.setSettings({ topicPrefix: 'nvr' });
  assert.deepEqual([...w.handlers.keys()].sort(), ['nvr/+/+/snapshot', 'nvr/events']);
  w.setSettings({ labels: ['person', 'dog'] });
  assert.deepEqual([...w.handlers.keys()].sort(), ['nvr/+/+/snapshot', 'nvr/events']);
  w.stop();
  assert.equal(w.handlers.size, 0);
});

test('too many cameras: new ones are refused once Hearth holds 128', () => {
  const w = world();
  for (let i = 0; i < 130; i++)
    w.deliver('frigate/events', new FrigateObject(`cam${i}`, 'car').message('new'));
  assert.equal(w.devices.size, 128);
  assert.ok(w.notes.some((note) => note.code === 'too_many_cameras'));
  w.stop();
});
