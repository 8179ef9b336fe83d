// For tests of Hearth on a real Mosquitto: devices that join through the broker as contract
// 2.3 says (own inbox on an external broker), a lock that answers its `set`, and the stand-in
// for the systemd path unit that reloads Mosquitto when Hearth rewrites its files.
import fs from 'node:fs';
import mqtt, { type MqttClient } from 'mqtt';
import { api, connectDevice, delay } from '../helpers/devices.js';
import type { TestMosquitto } from '../helpers/mosquitto.js';

/** Joins `id` anonymously while joining is open; resolves with its secret. */
export async function joinThroughBroker(
  brokerUrl: string,
  hubUrl: string,
  token: string,
  id: string,
  words: string,
): Promise<string> {
  await api(hubUrl, token, 'POST', '/api/v1/permit-join', { seconds: 60 });
  const device = await connectDevice(brokerUrl, id, { ownInbox: true });
  try {
    const answer = await device.handShake(words);
    const match = /^approved (\S+)$/.exec(answer);
    if (!match) throw new Error(`${id} was answered "${answer}"`);
    return match[1]!;
  } finally {
    await device.end();
  }
}

/**
 * Logs in with the secret, retrying while the broker has not reread its password file yet (the
 * reload follows the file change by a few milliseconds).
 */
export async function connectWithSecret(
  brokerUrl: string,
  id: string,
  secret: string,
  timeoutMs = 5_000,
): Promise<MqttClient> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await mqtt.connectAsync(brokerUrl, {
        clientId: id,
        username: id,
        password: secret,
        clean: true,
        protocolVersion: 5,
        reconnectPeriod: 0,
        connectTimeout: 2_000,
        will: {
          topic: `hearth/devices/${id}/availability`,
          payload: Buffer.from('offline'),
          qos: 1,
          retain: true,
        },
      });
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await delay(50);
    }
  }
}

export interface FakeLock {
  client: MqttClient;
  /** Every `set` payload received, in order. */
  commands: string[];
  /** When false, the lock hears commands but does not answer (a lock that is stuck). */
  answering: boolean;
  end(): Promise<void>;
}

/** A lock on its own topics: says it is online and UNLOCKED, then answers LOCK/UNLOCK. */
export async function fakeLock(client: MqttClient, id: string): Promise<FakeLock> {
  const lock: FakeLock = {
    client,
    commands: [],
    answering: true,
    end: () => client.endAsync(true).then(() => undefined),
  };
  client.on('message', (topic, payload) => {
    if (topic !== `hearth/devices/${id}/set`) return;
    const word = payload.toString();
    lock.commands.push(word);
    if (!lock.answering) return;
    const state = word === 'LOCK' ? 'LOCKED' : 'UNLOCKED';
    void client.publishAsync(`hearth/devices/${id}/state`, state, { qos: 1, retain: true });
  });
  await client.subscribeAsync(`hearth/devices/${id}/set`, { qos: 1 });
  await client.publishAsync(`hearth/devices/${id}/availability`, 'online', {
    qos: 1,
    retain: true,
  });
  await client.publishAsync(`hearth/devices/${id}/state`, 'UNLOCKED', { qos: 1, retain: true });
  return lock;
}

/** What a systemd path unit does in docs/scale.md: SIGHUP Mosquitto when the files change. */
export function reloadOnChange(dir: string, mosquitto: TestMosquitto): () => void {
  let timer: NodeJS.Timeout | null = null;
  const watcher = fs.watch(dir, () => {
    timer ??= setTimeout(() => {
      timer = null;
      mosquitto.reload();
    }, 20);
  });
  return () => {
    watcher.close();
    if (timer) clearTimeout(timer);
  };
}

export async function waitUntil<T>(
  what: string,
  probe: () => Promise<T | undefined | null | false> | T | undefined | null | false,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await delay(25);
  }
}
