// 2. Request/reply: a token client publishes `ping` on hearth/action and waits for `pong` on
// `ping`, one at a time. Side by side: the same loop through Mosquitto, where an echo client
// plays the hub. Rounds alternate between the two; broker CPU comes from /proc.
import type { MqttClient } from 'mqtt';
import { ADMIN_TOKEN, startHub } from '../lib/hub.js';
import { mosquittoMissing, startMosquitto } from '../lib/mosquitto.js';
import { connect, nextPayload } from '../lib/mqtt.js';
import { cpuMs } from '../lib/proc.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize, type Summary } from '../lib/stats.js';

export interface RoundTripOptions {
  count: number;
  rounds: number;
  warmup: number;
}

interface Side {
  name: 'hearth' | 'mosquitto';
  /** The broker's process. */
  pid: number;
  requester: MqttClient;
  samples: number[];
  roundP50s: number[];
  cpuMs: number;
  wallMs: number;
}

const newSide = (name: Side['name'], pid: number, requester: MqttClient): Side => ({
  name,
  pid,
  requester,
  samples: [],
  roundP50s: [],
  cpuMs: 0,
  wallMs: 0,
});

async function loop(side: Side, n: number, failures: Record<string, number>): Promise<void> {
  const cpuBefore = cpuMs(side.pid);
  const started = process.hrtime.bigint();
  const first = side.samples.length;
  for (let i = 0; i < n; i++) {
    const sent = process.hrtime.bigint();
    const reply = nextPayload(side.requester, 'ping', 2_000);
    side.requester.publish('hearth/action', 'ping', { qos: 1 });
    try {
      if ((await reply) === 'pong') side.samples.push(elapsedMs(sent));
      else count(failures, `${side.name}: wrong reply`);
    } catch {
      count(failures, `${side.name}: no reply in 2 s`);
    }
  }
  side.wallMs += elapsedMs(started);
  side.cpuMs += cpuMs(side.pid) - cpuBefore;
  side.roundP50s.push(summarize(side.samples.slice(first)).p50);
}

export async function roundTrip(options: RoundTripOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const hub = await startHub();
  const missing = mosquittoMissing();
  const mosquitto = missing ? null : await startMosquitto();
  const clients: MqttClient[] = [];
  const at = (port: number): { host: string; port: number } => ({ host: '127.0.0.1', port });
  try {
    const token = { username: 'token', password: ADMIN_TOKEN };
    clients.push(await connect(at(hub.mqttPort), token));
    const sides = [newSide('hearth', hub.pid, clients[0]!)];
    if (mosquitto) {
      const echo = await connect(at(mosquitto.port), { clientId: 'echo-hub' });
      clients.push(echo);
      echo.on('message', (_topic, payload) => {
        if (payload.toString() === 'ping') echo.publish('ping', 'pong', { qos: 1 });
      });
      await echo.subscribeAsync('hearth/action', { qos: 1 });
      clients.push(await connect(at(mosquitto.port), { clientId: 'requester' }));
      sides.push(newSide('mosquitto', mosquitto.pid, clients[2]!));
    }
    for (const [i, side] of sides.entries()) {
      await side.requester.subscribeAsync('ping', { qos: 1 });
      await loop(side, options.warmup, failures);
      sides[i] = newSide(side.name, side.pid, side.requester);
    }
    for (let r = 0; r < options.rounds; r++) {
      for (const side of r % 2 === 0 ? sides : [...sides].reverse()) {
        await loop(side, options.count, failures);
      }
    }
    const result = report(sides, options, failures, mosquitto?.version ?? missing);
    return missing ? { ...result, skipped: `Mosquitto side: ${missing}` } : result;
  } finally {
    await Promise.all(clients.map((client) => client.endAsync(true)));
    await hub.stop();
    await mosquitto?.stop();
  }
}

function report(
  sides: Side[],
  options: RoundTripOptions,
  failures: Record<string, number>,
  mosquitto: string | null,
): ScenarioResult {
  const summaries = sides.map((side) => ({ side, ...summarize(side.samples) }));
  const [h, m] = summaries;
  type Figures = Summary & { side: Side };
  const row = (metric: string, unit: string, pick: (s: Figures) => number, note = ''): Row => ({
    metric,
    unit,
    hearth: h ? pick(h) : null,
    mosquitto: m ? pick(m) : null,
    note,
  });
  const range = (s: Figures): string =>
    `${s.side.name} ${Math.min(...s.side.roundP50s).toFixed(2)}–${Math.max(...s.side.roundP50s).toFixed(2)}`;
  return {
    scenario: 'round trip',
    rows: [
      row(
        `p50, ${options.rounds} x ${options.count}`,
        'ms',
        (s) => s.p50,
        ['per-round p50:', ...summaries.map(range)].join(' '),
      ),
      row('p90', 'ms', (s) => s.p90),
      row('p99', 'ms', (s) => s.p99),
      row('max', 'ms', (s) => s.max),
      row('round trips per second', '1/s', (s) => (s.n * 1000) / s.side.wallMs),
      row(
        'broker CPU per round trip',
        'us',
        (s) => (s.side.cpuMs * 1000) / s.n,
        'Mosquitto: broker only (its echo client runs in the bench)',
      ),
    ],
    failures,
    details: {
      mosquitto,
      summaries: Object.fromEntries(
        summaries.map(({ side, ...s }) => [
          side.name,
          { ...s, cpuMs: side.cpuMs, roundP50s: side.roundP50s.map((x) => round(x)) },
        ]),
      ),
    },
  };
}
