// Test support for devices: wait for a HearthDevice's events, and watch a topic's messages
// (retained ones included) through a real admin-token client.
import type { MqttClient } from 'mqtt';
import type { HearthDevice } from '../../src-main/device-kit/hearth-device.js';
import type { DevicePhase } from '../../src-main/device-kit/device-types.js';

/** Resolves when the device reaches `phase` (at once if it is there). */
export function phaseReached(
  device: HearthDevice,
  phase: DevicePhase,
  timeoutMs = 10_000,
): Promise<void> {
  if (device.phase === phase) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      device.off('state-change', onChange);
      reject(
        new Error(`${device.id} did not reach ${phase} in ${timeoutMs} ms (is ${device.phase})`),
      );
    }, timeoutMs);
    const onChange = (next: DevicePhase): void => {
      if (next !== phase) return;
      clearTimeout(timer);
      device.off('state-change', onChange);
      resolve();
    };
    device.on('state-change', onChange);
  });
}

/** Every message seen on one topic, with a way to wait for a matching one. */
export interface TopicWatch {
  readonly seen: Buffer[];
  waitFor(match: (payload: Buffer) => boolean, timeoutMs?: number): Promise<Buffer>;
  waitForText(text: string, timeoutMs?: number): Promise<void>;
}

export async function watchTopic(client: MqttClient, topic: string): Promise<TopicWatch> {
  const seen: Buffer[] = [];
  const waiters = new Set<() => void>();
  client.on('message', (received, payload) => {
    if (received !== topic) return;
    seen.push(Buffer.from(payload));
    for (const waiter of [...waiters]) waiter();
  });
  await client.subscribeAsync(topic, { qos: 1 });
  const waitFor = (match: (payload: Buffer) => boolean, timeoutMs = 10_000): Promise<Buffer> =>
    new Promise((resolve, reject) => {
      const check = (): boolean => {
        const found = seen.find(match);
        if (!found) return false;
        clearTimeout(timer);
        waiters.delete(onMessage);
        resolve(found);
        return true;
      };
      const onMessage = (): void => void check();
      const timer = setTimeout(() => {
        waiters.delete(onMessage);
        const texts = seen.map((payload) => payload.toString().slice(0, 80));
        reject(
          new Error(
            `no matching message on ${topic} in ${timeoutMs} ms; saw ${JSON.stringify(texts)}`,
          ),
        );
      }, timeoutMs);
      if (!check()) waiters.add(onMessage);
    });
  return {
    seen,
    waitFor,
    async waitForText(text, timeoutMs) {
      await waitFor((payload) => payload.toString() === text, timeoutMs);
    },
  };
}

/** The device's events, recorded in order, for asserting what happened. */
export function recordEvents(device: HearthDevice): string[] {
  const events: string[] = [];
  device.on('state-change', (phase) => events.push(`phase:${phase}`));
  device.on('joined', () => events.push('joined'));
  device.on('pending', () => events.push('pending'));
  device.on('rejected', () => events.push('rejected'));
  device.on('error', (error) => events.push(`error:${error.code}`));
  return events;
}
