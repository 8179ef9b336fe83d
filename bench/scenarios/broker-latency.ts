// Request/reply latency through each broker (issue 9): a requester at a fixed rate, an echo
// client answering on another topic, QoS 1, in alternation between Hearth, raw aedes and
// Mosquitto (see broker.ts for how the brokers and load workers are set up).
import { CLIENT_ADDRESSES } from '../lib/brokers.js';
import { cpuMs } from '../lib/proc.js';
import { count, type ScenarioResult } from '../lib/report.js';
import { add, rotation, rows, type Samples } from '../lib/side-by-side.js';
import { percentile } from '../lib/stats.js';
import { credentials, PAYLOAD_BYTES, target, withBrokers, worker } from './broker.js';

export interface LatencyOptions {
  reps: number;
  rate: number;
  count: number;
}

export function latency(options: LatencyOptions): Promise<ScenarioResult> {
  return withBrokers(async (setup) => {
    const failures: Record<string, number> = {};
    const samples: Samples = new Map();
    const units: Record<string, string> = {};
    const groups = [];
    for (const broker of setup.brokers) {
      const requester = worker(setup);
      const responder = worker(setup);
      for (const [w, role] of [requester, responder].entries()) {
        await role.send({
          op: 'connect',
          target: target(broker),
          count: 1,
          prefix: `${broker.name}-rr-${w}`,
          addresses: CLIENT_ADDRESSES,
          concurrency: 1,
          ...credentials(broker),
        });
      }
      await responder.send({ op: 'echo', from: 'bench/req', to: 'bench/rep', qos: 1 });
      await requester.send({ op: 'listen', replies: 'bench/rep', qos: 1 });
      groups.push({ broker, requester });
    }
    const label = `request/reply at ${options.rate}/s, QoS 1`;
    // Round -1 warms each broker up (JIT, buffers) and is not counted.
    for (let r = -1; r < options.reps; r++) {
      const into: Samples = r < 0 ? new Map() : samples;
      for (const { broker, requester } of rotation(groups, r + 1)) {
        const cpuBefore = cpuMs(broker.pid);
        const reply = await requester.send({
          op: 'requests',
          to: 'bench/req',
          rate: options.rate,
          count: options.count,
          qos: 1,
          bytes: PAYLOAD_BYTES,
        });
        const brokerMs = cpuMs(broker.pid) - cpuBefore;
        const latencies = (reply.samples ?? []).sort((a, b) => a - b);
        if (latencies.length < options.count) {
          count(failures, `${broker.name}: replies missing`);
        }
        const m = (name: string, unit: string, value: number): void => {
          units[`${label}: ${name}`] = unit;
          add(into, `${label}: ${name}`, broker.name, value);
        };
        m('p50', 'ms', percentile(latencies, 0.5));
        m('p95', 'ms', percentile(latencies, 0.95));
        m('p99', 'ms', percentile(latencies, 0.99));
        m('max', 'ms', latencies[latencies.length - 1] ?? NaN);
        m('broker CPU per round trip', 'us', (brokerMs * 1e3) / Math.max(1, latencies.length));
      }
    }
    return {
      scenario: 'broker latency',
      rows: rows(samples, units, setup.brokers),
      failures,
      details: { options, payloadBytes: PAYLOAD_BYTES },
    };
  });
}
