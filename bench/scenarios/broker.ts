// The broker side by side (issue 9): Hearth (authentication and access rules on, clients logged
// in with an integration account), raw aedes and Mosquitto, in alternation, several
// repetitions. QoS 0 and QoS 1 fan-in to one subscriber and fan-out to many subscribers here;
// request/reply latency in broker-latency.ts, the connection storm in broker-storm.ts. The headline is the broker's CPU time per message
// from /proc (utime+stime of the broker process alone): it does not depend on how fast the
// load generator is. Clients run in load-worker processes; their CPU is reported too.
import { startBrokers, CLIENT_ADDRESSES, type Broker } from '../lib/brokers.js';
import { LoadWorker } from '../lib/load-protocol.js';
import { cpuMs } from '../lib/proc.js';
import { count, type ScenarioResult } from '../lib/report.js';
import { add, rotation, rows, type Samples } from '../lib/side-by-side.js';
import { elapsedMs } from '../lib/stats.js';

export const PAYLOAD_BYTES = 64;

export interface FanInOptions {
  reps: number;
  publishers: number;
  /** Messages per publisher, QoS 0 and QoS 1. */
  qos0: number;
  qos1: number;
}

export interface FanOutOptions {
  reps: number;
  /** Subscriber counts, each with the number of messages published to all of them. */
  sizes: Array<{ subscribers: number; messages: number }>;
}

type Failures = Record<string, number>;

export interface Setup {
  brokers: Broker[];
  missing: string | null;
  workers: LoadWorker[];
}

/** Starts the brokers, runs `body`, and always stops every broker and worker it started. */
export async function withBrokers(
  body: (setup: Setup) => Promise<ScenarioResult>,
): Promise<ScenarioResult> {
  const { brokers, missing } = await startBrokers();
  const setup: Setup = { brokers, missing, workers: [] };
  try {
    const result = await body(setup);
    const versions = Object.fromEntries(brokers.map((broker) => [broker.name, broker.version]));
    result.details = { ...result.details, brokers: versions };
    return missing ? { ...result, skipped: `Mosquitto side: ${missing}` } : result;
  } finally {
    await Promise.all(setup.workers.map((worker) => worker.stop()));
    await Promise.all(brokers.map((broker) => broker.stop()));
  }
}

export function worker(setup: Setup): LoadWorker {
  const started = LoadWorker.start();
  setup.workers.push(started);
  return started;
}

export const credentials = (broker: Broker) =>
  broker.username ? { username: broker.username, password: broker.password } : {};

export const target = (broker: Broker) => ({ host: '127.0.0.1', port: broker.port });

// ---- fan-in ------------------------------------------------------------------------------

export function fanIn(options: FanInOptions): Promise<ScenarioResult> {
  return withBrokers(async (setup) => {
    const failures: Failures = {};
    const samples: Samples = new Map();
    const units: Record<string, string> = {};
    const groups = [];
    for (const broker of setup.brokers) {
      const subscriber = worker(setup);
      const publishers = [worker(setup), worker(setup)];
      await subscriber.send({
        op: 'connect',
        target: target(broker),
        count: 1,
        prefix: 'fan-in-sub',
        addresses: CLIENT_ADDRESSES,
        concurrency: 1,
        subscribe: { filter: 'bench/in/+', qos: 1 },
        ...credentials(broker),
      });
      for (const [w, publisher] of publishers.entries()) {
        await publisher.send({
          op: 'connect',
          target: target(broker),
          count: options.publishers / 2,
          prefix: `fan-in-pub-${w}`,
          addresses: CLIENT_ADDRESSES,
          concurrency: 4,
          ...credentials(broker),
        });
      }
      groups.push({ broker, subscriber, publishers });
    }
    for (const qos of [0, 1] as const) {
      const each = qos === 0 ? options.qos0 : options.qos1;
      const total = each * options.publishers;
      const label = `QoS ${qos} fan-in, ${options.publishers} publishers -> 1 subscriber`;
      // Round -1 warms each broker up (JIT, buffers) and is not counted.
      for (let r = -1; r < options.reps; r++) {
        const into: Samples = r < 0 ? new Map() : samples;
        for (const { broker, subscriber, publishers } of rotation(groups, r + 1)) {
          await subscriber.send({ op: 'reset' });
          const cpuBefore = cpuMs(broker.pid);
          const started = process.hrtime.bigint();
          const arrived = subscriber.send({ op: 'await', expected: total, timeoutMs: 60_000 });
          const sent = await Promise.all(
            publishers.map((publisher) =>
              publisher.send({
                op: 'publish',
                topic: `bench/in/${publishers.indexOf(publisher)}-{k}`,
                publishers: options.publishers / 2,
                count: each,
                qos,
                bytes: PAYLOAD_BYTES,
                window: qos === 0 ? 100 : 20,
              }),
            ),
          );
          const got = await arrived;
          const wall = elapsedMs(started);
          const brokerMs = cpuMs(broker.pid) - cpuBefore;
          const received = got.received ?? 0;
          if (received < total) count(failures, `${broker.name} QoS ${qos}: messages lost`);
          const clientMs = got.cpuMs + sent.reduce((sum, reply) => sum + reply.cpuMs, 0);
          units[`${label}: broker CPU per message`] = 'us';
          add(into, `${label}: broker CPU per message`, broker.name, (brokerMs * 1e3) / received);
          units[`${label}: messages per second`] = '1/s';
          add(into, `${label}: messages per second`, broker.name, (received * 1e3) / wall);
          units[`QoS ${qos} fan-in: broker CPU use`] = '%';
          add(into, `QoS ${qos} fan-in: broker CPU use`, broker.name, (brokerMs / wall) * 100);
          units[`QoS ${qos} fan-in: client CPU per message`] = 'us';
          add(
            into,
            `QoS ${qos} fan-in: client CPU per message`,
            broker.name,
            (clientMs * 1e3) / received,
          );
        }
      }
    }
    return {
      scenario: 'broker fan-in',
      rows: rows(samples, units, setup.brokers),
      failures,
      details: { options, payloadBytes: PAYLOAD_BYTES },
    };
  });
}

// ---- fan-out -----------------------------------------------------------------------------

export function fanOut(options: FanOutOptions): Promise<ScenarioResult> {
  return withBrokers(async (setup) => {
    const failures: Failures = {};
    const samples: Samples = new Map();
    const units: Record<string, string> = {};
    // Subscribers are spread over three workers (each broker's over two of them); each broker
    // has its own publisher, connected before anything is measured.
    const pool = [worker(setup), worker(setup), worker(setup)];
    const publishers = new Map<Broker, LoadWorker>();
    for (const broker of setup.brokers) {
      const publisher = worker(setup);
      await publisher.send({
        op: 'connect',
        target: target(broker),
        count: 1,
        prefix: `${broker.name}-out-pub`,
        addresses: CLIENT_ADDRESSES,
        concurrency: 1,
        ...credentials(broker),
      });
      publishers.set(broker, publisher);
    }
    for (const size of options.sizes) {
      const label = `fan-out to ${size.subscribers}`;
      const groups = [];
      for (const [b, broker] of setup.brokers.entries()) {
        const subscribers = [pool[b % 3]!, pool[(b + 1) % 3]!];
        const halves = [Math.ceil(size.subscribers / 2), Math.floor(size.subscribers / 2)];
        for (const [h, half] of halves.entries()) {
          await subscribers[h]!.send({
            op: 'connect',
            target: target(broker),
            count: half,
            prefix: `${broker.name}-out-${size.subscribers}-${h}`,
            addresses: CLIENT_ADDRESSES,
            concurrency: 50,
            subscribe: { filter: `bench/out/${broker.name}`, qos: 0 },
            ...credentials(broker),
          });
        }
        groups.push({ broker, subscribers, halves, publisher: publishers.get(broker)! });
      }
      // Round -1 warms each broker up (JIT, buffers) and is not counted.
      for (let r = -1; r < options.reps; r++) {
        const into: Samples = r < 0 ? new Map() : samples;
        for (const { broker, subscribers, halves, publisher } of rotation(groups, r + 1)) {
          await Promise.all(pool.map((w) => w.send({ op: 'reset' })));
          const cpuBefore = cpuMs(broker.pid);
          const started = process.hrtime.bigint();
          const arrived = subscribers.map((w, h) =>
            w.send({ op: 'await', expected: halves[h]! * size.messages, timeoutMs: 60_000 }),
          );
          const sent = await publisher.send({
            op: 'publish',
            topic: `bench/out/${broker.name}`,
            publishers: 1,
            count: size.messages,
            qos: 0,
            bytes: PAYLOAD_BYTES,
            window: 1,
          });
          const got = await Promise.all(arrived);
          const wall = elapsedMs(started);
          const brokerMs = cpuMs(broker.pid) - cpuBefore;
          const received = got.reduce((sum, reply) => sum + (reply.received ?? 0), 0);
          const expected = size.subscribers * size.messages;
          if (received < expected) count(failures, `${broker.name} ${label}: deliveries lost`);
          const clientMs = got.reduce((sum, reply) => sum + reply.cpuMs, sent.cpuMs);
          const m = (name: string, unit: string, value: number): void => {
            units[`${label}: ${name}`] = unit;
            add(into, `${label}: ${name}`, broker.name, value);
          };
          m('broker CPU per delivery', 'us', (brokerMs * 1e3) / received);
          m('deliveries per second', '1/s', (received * 1e3) / wall);
          m('broker CPU use', '%', (brokerMs / wall) * 100);
          m('client CPU per delivery', 'us', (clientMs * 1e3) / received);
        }
      }
      // The subscribers of this size go; the publishers stay for the next size.
      await Promise.all(pool.map((w) => w.send({ op: 'close' })));
    }
    return {
      scenario: 'broker fan-out',
      rows: rows(samples, units, setup.brokers),
      failures,
      details: { options, payloadBytes: PAYLOAD_BYTES, qos: 0 },
    };
  });
}
