// A lock as the contract describes it (2.2, 2.3), built on a bare mqtt.js client (no device
// kit): it joins with hand_shake, logs in with its secret, listens on its own `set` topic and
// answers each command the way the test scripts it (confirm, jam, answer something else, stay
// silent, report garbage).
import mqtt, { type MqttClient } from 'mqtt';
import type { TestHub } from '../helpers/in-process-hub.js';
import { connectDevice } from '../helpers/devices.js';
import { deviceView, waitFor } from './lock-fixture.js';

export type Command = 'LOCK' | 'UNLOCK' | 'OPEN';

/** One message the lock sends on its `state` topic, after an optional pause. */
export interface Report {
  payload: string | Buffer;
  delayMs?: number;
}

/** What the lock does when command number `index` (0-based) arrives: its reports, in order. */
export type Behaviour = (command: string, index: number) => Report[];

export const TARGET: Record<Command, string> = {
  LOCK: 'LOCKED',
  UNLOCK: 'UNLOCKED',
  OPEN: 'UNLOCKED',
};

const targetOf = (command: string): string => TARGET[command.toUpperCase() as Command] ?? '';
const movingOf = (command: string): string =>
  command.toUpperCase() === 'LOCK' ? 'LOCKING' : 'UNLOCKING';

/** Does what it is told: optionally LOCKING/UNLOCKING first, then the target state. */
export const confirm =
  (options: { transition?: boolean; delayMs?: number; battery?: number } = {}): Behaviour =>
  (command) => [
    ...(options.transition ? [{ payload: movingOf(command) }] : []),
    {
      payload:
        options.battery === undefined
          ? targetOf(command)
          : JSON.stringify({ state: targetOf(command), battery: options.battery }),
      delayMs: options.delayMs ?? 0,
    },
  ];

/** Starts to move, then reports JAMMED. */
export const jam: Behaviour = (command) => [{ payload: movingOf(command) }, { payload: 'JAMMED' }];

/** Answers every command with these payloads (a state it was not asked for, garbage…). */
export const answerWith =
  (...payloads: Array<string | Buffer>): Behaviour =>
  () =>
    payloads.map((payload) => ({ payload }));

export const silent: Behaviour = () => [];

/** Behaviour number i for command number i; the last one for every command after. */
export const inTurn =
  (...behaviours: Behaviour[]): Behaviour =>
  (command, index) =>
    (behaviours[Math.min(index, behaviours.length - 1)] ?? silent)(command, index);

export class TestLock {
  /** Every command received on `set`, in order, over every connection. */
  readonly commands: string[] = [];
  private client: MqttClient | null = null;
  private answering: Promise<void> = Promise.resolve();
  private readonly waiters: Array<() => void> = [];

  constructor(
    private readonly hub: TestHub,
    readonly id: string,
    readonly secret: string,
    public behaviour: Behaviour,
  ) {}

  /** Logs in with its secret (clean session, will `offline`), subscribes `set`, says `online`. */
  async connect(options: { clean?: boolean } = {}): Promise<void> {
    const availability = `hearth/devices/${this.id}/availability`;
    const client = await mqtt.connectAsync(this.hub.mqttUrl, {
      clientId: this.id,
      username: this.id,
      password: this.secret,
      clean: options.clean ?? true,
      reconnectPeriod: 0,
      connectTimeout: 5_000,
      will: { topic: availability, payload: Buffer.from('offline'), retain: true, qos: 1 },
    });
    this.client = client;
    client.on('message', (topic, payload) => {
      if (topic !== `hearth/devices/${this.id}/set`) return;
      const command = payload.toString('utf8');
      const index = this.commands.push(command) - 1;
      this.waiters.splice(0).forEach((wake) => wake());
      const reports = this.behaviour(command, index);
      // One command at a time, in the order they came, as a motor would.
      this.answering = this.answering.then(() => this.send(client, reports));
    });
    await client.subscribeAsync(`hearth/devices/${this.id}/set`, { qos: 1 });
    await client.publishAsync(availability, 'online', { qos: 1, retain: true });
    await waitFor(
      `${this.id} online`,
      async () => (await deviceView(this.hub, this.id)).availability === 'online',
    );
  }

  /** Publishes on its own `state` topic (retained, as the contract says). */
  async report(payload: string | Buffer, retain = true): Promise<void> {
    await this.live().publishAsync(`hearth/devices/${this.id}/state`, payload, {
      qos: 1,
      retain,
    });
  }

  /** Publishes `online` / `offline` on its own availability topic while staying connected. */
  async announce(availability: 'online' | 'offline'): Promise<void> {
    await this.live().publishAsync(`hearth/devices/${this.id}/availability`, availability, {
      qos: 1,
      retain: true,
    });
  }

  /** Publishes on any topic (the hub may refuse it and drop the connection); QoS 0. */
  publishAnywhere(topic: string, payload: string, retain = false): void {
    this.live().publish(topic, payload, { qos: 0, retain });
  }

  /** Reports a state and waits until the hub shows it. */
  async settle(state: string): Promise<void> {
    await this.report(state);
    await waitFor(
      `${this.id} shows ${state}`,
      async () => (await deviceView(this.hub, this.id)).state === state.toLowerCase(),
    );
  }

  /** Resolves once `count` commands in all have arrived. */
  async received(count: number, timeoutMs = 5_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.commands.length < count) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`${this.id} got ${this.commands.length} of ${count} commands`);
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
  }

  /** Resolves once every report for the commands received so far has been sent (and acked). */
  async idle(): Promise<void> {
    for (;;) {
      const chain = this.answering;
      await chain;
      if (chain === this.answering) return;
    }
  }

  /** A clean goodbye: the hub sees the connection close (no will). */
  async disconnect(): Promise<void> {
    const client = this.live();
    this.client = null;
    await client.endAsync();
    await this.untilOffline();
  }

  /** A power cut: the socket dies and the broker publishes the will (`offline`). */
  async powerCut(): Promise<void> {
    const client = this.live();
    this.client = null;
    client.stream.destroy();
    await this.untilOffline();
    client.end(true);
  }

  async end(): Promise<void> {
    const client = this.client;
    this.client = null;
    if (client) await client.endAsync(true).catch(() => undefined);
  }

  private async untilOffline(): Promise<void> {
    await waitFor(
      `${this.id} offline`,
      async () => (await deviceView(this.hub, this.id)).availability === 'offline',
    );
  }

  private async send(client: MqttClient, reports: Report[]): Promise<void> {
    for (const report of reports) {
      if (report.delayMs) await new Promise((resolve) => setTimeout(resolve, report.delayMs));
      if (!client.connected) return;
      await client
        .publishAsync(`hearth/devices/${this.id}/state`, report.payload, { qos: 1, retain: true })
        .catch(() => undefined);
    }
  }

  private live(): MqttClient {
    if (!this.client) throw new Error(`${this.id} is not connected`);
    return this.client;
  }
}

/**
 * Joins a device while joining is open (hand_shake, `approved <secret>`) and logs it in. The
 * hub must have permit-join open (startLockHub does that).
 */
export async function joinLock(
  hub: TestHub,
  id: string,
  name: string,
  behaviour: Behaviour = confirm(),
  kind = 'lock',
): Promise<TestLock> {
  const joining = await connectDevice(hub.mqttUrl, id);
  const answer = await joining.handShake(`${kind} ${name}`);
  await joining.end();
  const match = /^approved (\S+)$/.exec(answer);
  if (!match) throw new Error(`${id} was not approved: ${answer}`);
  const lock = new TestLock(hub, id, match[1]!, behaviour);
  await lock.connect();
  return lock;
}
