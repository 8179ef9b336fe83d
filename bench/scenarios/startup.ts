// 1. Cold start of the built headless hub (spawn -> `hearth ready` line), each run on a fresh
// data folder, and its resident memory once idle. For Hearth on its embedded broker and Hearth
// on Mosquitto alternately, run by run (issue #10). On Mosquitto the hub's start is timed with
// Mosquitto already up (as it is when the hub restarts); `export-broker-config` and Mosquitto's
// own start are timed apart, and added up in "ready from nothing".
import { startHub, type Hub, type HubBroker } from '../lib/hub.js';
import { available, SIDE_PREFIX } from '../lib/hub-sides.js';
import { rssMiB } from '../lib/proc.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { round, summarize } from '../lib/stats.js';

export interface StartupOptions {
  runs: number;
  idleMs: number;
  brokers: HubBroker[];
}

interface Side {
  starts: number[];
  /** Export + Mosquitto's start + the hub's start (Mosquitto only). */
  fromNothing: number[];
  exports: number[];
  mosquittoStarts: number[];
  idleRss: number | null;
  brokerIdleRss: number | null;
}

export async function startup({ runs, idleMs, brokers }: StartupOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const { runnable, notes } = available(brokers);
  const labelled = runnable.length > 1;
  const prefix = (broker: HubBroker): string => (labelled ? `${SIDE_PREFIX[broker]}: ` : '');
  const sides = new Map<HubBroker, Side>(
    runnable.map((broker) => [
      broker,
      {
        starts: [],
        fromNothing: [],
        exports: [],
        mosquittoStarts: [],
        idleRss: null,
        brokerIdleRss: null,
      },
    ]),
  );
  const tryStart = async (broker: HubBroker): Promise<Hub | null> => {
    try {
      return await startHub({ broker });
    } catch (error) {
      count(failures, `${prefix(broker)}start: ${(error as Error).message.slice(0, 80)}`);
      return null;
    }
  };
  // Run i starts the brokers in turn, the other one first every other run.
  for (let i = 0; i < runs; i++) {
    for (const broker of i % 2 === 0 ? runnable : [...runnable].reverse()) {
      const hub = await tryStart(broker);
      if (!hub) continue;
      const side = sides.get(broker)!;
      side.starts.push(hub.startMs);
      if (hub.mosquitto) {
        side.exports.push(hub.mosquitto.exportMs);
        side.mosquittoStarts.push(hub.mosquitto.startMs);
        side.fromNothing.push(hub.mosquitto.exportMs + hub.mosquitto.startMs + hub.startMs);
      } else side.fromNothing.push(hub.startMs);
      await hub.stop();
    }
  }
  for (const broker of runnable) {
    const hub = await tryStart(broker);
    if (!hub) continue;
    await new Promise((resolve) => setTimeout(resolve, idleMs));
    const side = sides.get(broker)!;
    side.idleRss = rssMiB(hub.pid);
    side.brokerIdleRss = hub.mosquitto ? rssMiB(hub.mosquitto.pid) : null;
    await hub.stop();
  }

  const embedded = sides.get('embedded');
  const onMosquitto = sides.get('mosquitto');
  const pick = (figure: (side: Side) => number | null): Partial<Row> => ({
    hearth: brokers.includes('embedded') ? (embedded ? figure(embedded) : null) : null,
    ...(brokers.includes('mosquitto')
      ? { hearthOnMosquitto: onMosquitto ? figure(onMosquitto) : null }
      : {}),
  });
  const stat = (side: Side, which: 'p50' | 'min' | 'max', of: number[] = side.starts) =>
    of.length ? summarize(of)[which] : null;
  const row = (metric: string, unit: string, figure: (side: Side) => number | null, note = '') =>
    ({ metric, unit, hearth: null, ...pick(figure), ...(note ? { note } : {}) }) as Row;
  const median = (values: number[]): string =>
    values.length ? `${summarize(values).p50.toFixed(0)} ms` : '–';
  const rows: Row[] = [
    row(
      `cold start median, ${runs} runs`,
      'ms',
      (side) => stat(side, 'p50'),
      onMosquitto
        ? 'on Mosquitto: hub spawn to ready with Mosquitto already up, connecting and claiming the namespace included'
        : '',
    ),
    row('cold start min', 'ms', (side) => stat(side, 'min')),
    row('cold start max', 'ms', (side) => stat(side, 'max')),
  ];
  if (onMosquitto) {
    rows.push(
      row(
        'ready from nothing, median',
        'ms',
        (side) => stat(side, 'p50', side.fromNothing),
        `embedded: the hub's cold start; on Mosquitto: export-broker-config ${median(onMosquitto.exports)} + Mosquitto start ${median(onMosquitto.mosquittoStarts)} + the hub's`,
      ),
    );
  }
  rows.push(row(`idle RSS ${idleMs / 1000} s after ready`, 'MiB', (side) => side.idleRss));
  if (onMosquitto) {
    rows.push(
      row(
        'idle RSS, hub + broker',
        'MiB',
        (side) => (side.idleRss === null ? null : side.idleRss + (side.brokerIdleRss ?? 0)),
        onMosquitto.brokerIdleRss === null
          ? ''
          : `Mosquitto ${onMosquitto.brokerIdleRss.toFixed(1)} MiB`,
      ),
    );
  }
  const detailsOf = (side: Side) => ({
    startsMs: side.starts.map((ms) => round(ms, 1)),
    idleRssMiB: side.idleRss === null ? null : round(side.idleRss, 1),
    ...(side.exports.length
      ? {
          exportMs: side.exports.map((ms) => round(ms, 1)),
          mosquittoStartMs: side.mosquittoStarts.map((ms) => round(ms, 1)),
          fromNothingMs: side.fromNothing.map((ms) => round(ms, 1)),
          mosquittoIdleRssMiB: side.brokerIdleRss === null ? null : round(side.brokerIdleRss, 1),
        }
      : {}),
  });
  // Without a side by side, the figures are where they always were (the embedded hub's).
  const details =
    runnable.length === 1 && runnable[0] === 'embedded'
      ? detailsOf(embedded!)
      : Object.fromEntries([...sides].map(([broker, side]) => [broker, detailsOf(side)]));
  return {
    scenario: 'startup',
    rows,
    failures,
    details: { hubBrokers: runnable, ...details },
    ...(notes.length ? { notes } : {}),
  };
}
