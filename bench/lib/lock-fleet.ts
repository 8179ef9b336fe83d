// Simulated locks joining the hub as contract 2.3 says, each over its own mqtt.js connection from
// one of several loopback source addresses: hand_shake, `approved <secret>`, log in again with the
// secret, obey LOCK / UNLOCK / OPEN on its `set` topic by reporting LOCKED / UNLOCKED. On either
// broker (device.ts: the own inbox and the login retry on an external one).
import type { MqttClient } from 'mqtt';
import { handShake, login } from './device.js';
import type { DeviceWay } from './hub.js';

/** 127.0.0.2 … 127.0.0.20: Linux answers on all of 127/8 without configuration. */
export const SOURCE_ADDRESSES = Array.from({ length: 19 }, (_, i) => `127.0.0.${i + 2}`);

export interface Lock {
  id: string;
  client: MqttClient;
  /** Commands this lock received. */
  commands: number;
}

const ANSWERS: Record<string, string> = { LOCK: 'LOCKED', UNLOCK: 'UNLOCKED', OPEN: 'UNLOCKED' };

export async function joinLock(way: DeviceWay, id: string, localAddress: string): Promise<Lock> {
  const topic = (leaf: string): string => `hearth/devices/${id}/${leaf}`;
  const secret = await handShake(way, id, 'lock', localAddress);
  const client = await login(way, id, secret, {
    localAddress,
    will: { topic: topic('availability'), payload: Buffer.from('offline'), qos: 1, retain: true },
  });
  const lock: Lock = { id, client, commands: 0 };
  client.on('message', (received, payload) => {
    const state = ANSWERS[payload.toString('utf8')];
    if (received !== topic('set') || !state) return;
    lock.commands++;
    client.publish(topic('state'), state, { qos: 1, retain: true });
  });
  const [grant] = await client.subscribeAsync(topic('set'), { qos: 1 });
  if (!grant || grant.qos > 2) throw new Error('subscription to set refused');
  await client.publishAsync(topic('availability'), 'online', { qos: 1, retain: true });
  await client.publishAsync(topic('state'), 'LOCKED', { qos: 1, retain: true });
  return lock;
}

export interface JoinOutcome {
  locks: Lock[];
  failures: string[];
  ms: number;
}

/** Joins `count` locks, `batch` at a time, reporting progress every 100. */
export async function joinFleet(
  way: DeviceWay,
  count: number,
  batch: number,
  idOf: (i: number) => string,
): Promise<JoinOutcome> {
  const locks: Lock[] = [];
  const failures: string[] = [];
  const started = Date.now();
  for (let first = 0; first < count; first += batch) {
    const indexes = Array.from({ length: Math.min(batch, count - first) }, (_, k) => first + k);
    const settled = await Promise.allSettled(
      indexes.map((i) => joinLock(way, idOf(i), SOURCE_ADDRESSES[i % SOURCE_ADDRESSES.length]!)),
    );
    for (const [k, outcome] of settled.entries()) {
      if (outcome.status === 'fulfilled') locks.push(outcome.value);
      else failures.push(`${idOf(indexes[k]!)}: ${(outcome.reason as Error).message}`);
    }
    const done = first + indexes.length;
    if (Math.floor(done / 100) > Math.floor(first / 100) || done === count) {
      const s = ((Date.now() - started) / 1000).toFixed(1);
      console.log(`  joined ${locks.length}/${done} (${failures.length} failed) in ${s} s`);
    }
  }
  return { locks, failures, ms: Date.now() - started };
}
