// A connection storm (issue 9): N clients connect to each broker as fast as four load workers
// can (a few hundred in flight, from 50 loopback source addresses; each client a bare socket
// with one CONNECT, as a small device is), in alternation between
// the brokers, several repetitions. Time from the first CONNECT to the last CONNACK, and the
// broker's resident memory per connected client once they sit idle (against the broker's RSS
// before its first storm: memory a Node heap has grown to is not given back between storms).
import { startBrokers, CLIENT_ADDRESSES, type Broker } from '../lib/brokers.js';
import { LoadWorker } from '../lib/load-protocol.js';
import { cpuMs, rssMiB } from '../lib/proc.js';
import { count, type ScenarioResult } from '../lib/report.js';
import { add, rotation, rows, type Samples } from '../lib/side-by-side.js';
import { elapsedMs } from '../lib/stats.js';

export interface StormOptions {
  reps: number;
  clients: number;
  workers: number;
  /** Connections in flight per worker. */
  concurrency: number;
}

const settle = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

export async function storm(options: StormOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const samples: Samples = new Map();
  const units: Record<string, string> = {};
  const { brokers, missing } = await startBrokers();
  const workers = Array.from({ length: options.workers }, () => LoadWorker.start());
  try {
    await settle(500);
    const baseline = new Map(brokers.map((broker) => [broker, rssMiB(broker.pid)]));
    const m = (broker: Broker, name: string, unit: string, value: number): void => {
      const metric = `${options.clients} clients: ${name}`;
      units[metric] = unit;
      add(samples, metric, broker.name, value);
    };
    for (let r = 0; r < options.reps; r++) {
      for (const broker of rotation(brokers, r)) {
        const cpuBefore = cpuMs(broker.pid);
        const started = process.hrtime.bigint();
        const share = Math.ceil(options.clients / options.workers);
        const outcomes = await Promise.allSettled(
          workers.map((worker, w) =>
            worker.send({
              op: 'storm',
              target: { host: '127.0.0.1', port: broker.port },
              count: Math.min(share, options.clients - w * share),
              prefix: `storm-${r}-${w}`,
              // Each worker its own addresses, so that no two pick the same source port.
              addresses: CLIENT_ADDRESSES.filter((_, i) => i % options.workers === w),
              concurrency: options.concurrency,
              ...(broker.username ? { username: broker.username, password: broker.password } : {}),
            }),
          ),
        );
        const wall = elapsedMs(started);
        const brokerMs = cpuMs(broker.pid) - cpuBefore;
        const refused = outcomes.filter((outcome) => outcome.status === 'rejected');
        for (const outcome of refused) {
          count(failures, `${broker.name}: ${(outcome.reason as Error).message.slice(0, 80)}`);
        }
        if (refused.length === 0) {
          await settle(1_000);
          const rss = rssMiB(broker.pid);
          m(broker, 'time to all CONNACKs', 'ms', wall);
          m(broker, 'connections per second', '1/s', (options.clients * 1e3) / wall);
          m(broker, 'broker CPU per connection', 'us', (brokerMs * 1e3) / options.clients);
          m(broker, 'broker RSS, all connected', 'MiB', rss);
          m(
            broker,
            'broker RSS per connected client',
            'KiB',
            ((rss - baseline.get(broker)!) * 1024) / options.clients,
          );
        }
        await Promise.all(workers.map((worker) => worker.send({ op: 'close' })));
        await settle(500);
      }
    }
    const result: ScenarioResult = {
      scenario: 'broker storm',
      rows: rows(samples, units, brokers),
      failures,
      details: {
        options,
        baselineRssMiB: Object.fromEntries([...baseline].map(([b, rss]) => [b.name, rss])),
        brokers: Object.fromEntries(brokers.map((broker) => [broker.name, broker.version])),
      },
    };
    return missing ? { ...result, skipped: `Mosquitto side: ${missing}` } : result;
  } finally {
    await Promise.all(workers.map((worker) => worker.stop()));
    await Promise.all(brokers.map((broker) => broker.stop()));
  }
}
