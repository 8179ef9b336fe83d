// Four locks that each answer differently (confirms, jams, stays silent, offline) plus a camera:
// the house that lock-all, the original routes and the MQTT actions are tested against.
import assert from 'node:assert/strict';
import type { TestHub } from '../helpers/in-process-hub.js';
import { pause, stateOf, waitFor } from './lock-fixture.js';
import { confirm, jam, joinLock, silent, type TestLock } from './test-lock.js';

export interface House {
  front: TestLock;
  back: TestLock;
  garage: TestLock;
  shed: TestLock;
  camera: TestLock;
  all: TestLock[];
  end(): Promise<void>;
}

export const LOCK_IDS = ['front-door', 'back-door', 'garage', 'shed'];

/** front-door confirms, back-door jams, garage is silent, shed is offline; all start unlocked. */
export async function buildHouse(hub: TestHub): Promise<House> {
  const front = await joinLock(hub, 'front-door', 'Front door', confirm({ transition: true }));
  const back = await joinLock(hub, 'back-door', 'Back door', jam);
  const garage = await joinLock(hub, 'garage', 'Garage', silent);
  const shed = await joinLock(hub, 'shed', 'Shed', confirm());
  const camera = await joinLock(hub, 'porch-cam', 'Porch camera', confirm(), 'camera');
  for (const lock of [front, back, garage, shed]) await lock.settle('UNLOCKED');
  await shed.powerCut();
  const all = [front, back, garage, shed, camera];
  return {
    front,
    back,
    garage,
    shed,
    camera,
    all,
    async end() {
      for (const lock of all) await lock.end();
    },
  };
}

export interface LockAllBody {
  summary: string;
  results: Array<{ id: string; ok: boolean; state: string; error: string | null }>;
}

/** The lock-all answer over the house, checked lock by lock. */
export function assertHouseLocked(body: LockAllBody): void {
  assert.equal(typeof body.summary, 'string');
  const byId = new Map(body.results.map((result) => [result.id, result]));
  assert.deepEqual([...byId.keys()].sort(), [...LOCK_IDS].sort(), 'every lock, and only locks');
  assert.deepEqual(byId.get('front-door'), {
    id: 'front-door',
    ok: true,
    state: 'locked',
    error: null,
  });
  assert.deepEqual(byId.get('back-door'), {
    id: 'back-door',
    ok: false,
    state: 'jammed',
    error: 'jammed',
  });
  assert.deepEqual(byId.get('garage'), {
    id: 'garage',
    ok: false,
    state: 'unlocked',
    error: 'no_confirmation',
  });
  assert.deepEqual(byId.get('shed'), {
    id: 'shed',
    ok: false,
    state: 'unlocked',
    error: 'offline',
  });
  assertSummary(body.summary, 'locked');
}

/** "1 of 4 locked; Back door jammed, Garage did not confirm, Shed offline", in some words. */
export function assertSummary(summary: string, done: 'locked' | 'unlocked'): void {
  assert.match(summary, new RegExp(`\\b1 of 4 ${done}\\b`), summary);
  assert.match(summary, /back door[^,;]*jammed/i, summary);
  assert.match(summary, /garage[^,;]*(confirm|answer|silent|respond)/i, summary);
  assert.match(summary, /shed[^,;]*offline/i, summary);
  assert.doesNotMatch(summary, /front door/i, 'only the failing locks are named');
}

/** The house as it should be shown after a lock-all: only what each lock reported. */
export async function assertHouseShown(hub: TestHub): Promise<void> {
  await waitFor('front-door locked', async () => (await stateOf(hub, 'front-door')) === 'locked');
  assert.equal(await stateOf(hub, 'back-door'), 'jammed');
  assert.equal(await stateOf(hub, 'garage'), 'unlocked');
  assert.equal(await stateOf(hub, 'shed'), 'unlocked');
}

/** No device got a command (waits a little for stray ones). */
export async function assertNoCommands(house: House): Promise<void> {
  await pause(300);
  for (const lock of house.all) assert.deepEqual(lock.commands, [], `${lock.id} got a command`);
}

/** Every lock still shows the `unlocked` it reported when the house was built. */
export async function assertHouseUntouched(hub: TestHub): Promise<void> {
  for (const id of LOCK_IDS) assert.equal(await stateOf(hub, id), 'unlocked', id);
}
