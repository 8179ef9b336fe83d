// `npm run bench`: Hearth's benchmark suite. Each scenario lives in scenarios/; this runs the
// chosen ones one after another, prints a table and writes the figures to bench/results/.
//   node --import tsx bench/run.ts [--quick] [--only startup,round-trip,locks] [--timeout 1800]
//     [--runs N] [--trips N] [--locks N] [--commands N] [--workers N] [--out FILE]
//     [--profile DIR]   (each hub writes a .cpuprofile into DIR when it stops)
//     [--reps N] [--clients N]   (broker scenarios: repetitions per broker, storm size)
//     [--hub-brokers embedded,mosquitto]   (which brokers the hub scenarios run Hearth on)
// The broker-* scenarios compare Hearth, raw aedes and Mosquitto in alternation. The hub
// scenarios (startup, round-trip, locks, actions, pictures) run Hearth on its embedded broker
// and Hearth on Mosquitto side by side (issue #10); --quick runs the Mosquitto variant for locks
// only unless --hub-brokers says otherwise.
// Needs `npm run build` (it runs dist/main/headless.js) and Debian's mosquitto for comparisons.
// Everything stays on loopback; a hard timeout kills whatever the bench started, and the
// figures gathered until then are still printed and written.
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { closeHttp } from './lib/http.js';
import { HUB_BROKERS, profileHubsInto, type HubBroker } from './lib/hub.js';
import { lateErrors } from './lib/mqtt.js';
import { killAll } from './lib/proc.js';
import { table, type ScenarioResult } from './lib/report.js';
import { actions } from './scenarios/actions.js';
import { fanIn, fanOut } from './scenarios/broker.js';
import { latency } from './scenarios/broker-latency.js';
import { storm } from './scenarios/broker-storm.js';
import { locks } from './scenarios/locks.js';
import { panelDevices } from './scenarios/panel-devices.js';
import { pictures } from './scenarios/pictures.js';
import { roundTrip } from './scenarios/round-trip.js';
import { sandbox } from './scenarios/sandbox.js';
import { startup } from './scenarios/startup.js';

const { values: args } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    timeout: { type: 'string', default: '1800' },
    runs: { type: 'string' },
    trips: { type: 'string' },
    locks: { type: 'string' },
    commands: { type: 'string' },
    workers: { type: 'string' },
    out: { type: 'string' },
    profile: { type: 'string' },
    reps: { type: 'string' },
    clients: { type: 'string' },
    'hub-brokers': { type: 'string' },
  },
});
const quick = args.quick ?? false;
const num = (value: string | undefined, full: number, smoke: number): number =>
  value !== undefined ? Number(value) : quick ? smoke : full;

const reps = num(args.reps, 5, 1);

const chosenHubBrokers = args['hub-brokers']?.split(',').map((name) => name.trim());
for (const name of chosenHubBrokers ?? []) {
  if (!HUB_BROKERS.includes(name as HubBroker)) {
    throw new Error(`unknown hub broker ${name}: ${HUB_BROKERS.join(',')}`);
  }
}
if (chosenHubBrokers?.length === 0) throw new Error('--hub-brokers names no broker');
/** Per hub scenario: both by default; --quick keeps Hearth on Mosquitto to `locks`. */
const hubBrokers = (scenario: string): HubBroker[] =>
  (chosenHubBrokers as HubBroker[] | undefined) ??
  (quick && scenario !== 'locks' ? ['embedded'] : [...HUB_BROKERS]);
/** Said in the results of a hub scenario that --quick ran without Hearth on Mosquitto. */
const leftOut = (scenario: string): string | null =>
  hubBrokers(scenario).includes('mosquitto')
    ? null
    : chosenHubBrokers
      ? 'Hearth on Mosquitto not run (--hub-brokers)'
      : 'Hearth on Mosquitto not run: --quick runs it for locks only (--hub-brokers to choose)';
const HUB_SCENARIOS = new Set(['startup', 'round-trip', 'locks', 'actions', 'pictures']);
const scenarios: Record<string, () => Promise<ScenarioResult>> = {
  'broker-fan-in': () =>
    fanIn({
      reps,
      publishers: 4,
      qos0: num(undefined, 5_000, 250),
      qos1: num(undefined, 2_500, 125),
    }),
  'broker-fan-out': () =>
    fanOut({
      reps,
      sizes: quick
        ? [
            { subscribers: 100, messages: 10 },
            { subscribers: 300, messages: 5 },
          ]
        : [
            { subscribers: 100, messages: 200 },
            { subscribers: 1_000, messages: 40 },
          ],
    }),
  'broker-latency': () => latency({ reps, rate: 1_000, count: num(args.trips, 2_000, 300) }),
  'broker-storm': () =>
    storm({ reps, clients: num(args.clients, 10_000, 500), workers: 4, concurrency: 100 }),
  startup: () =>
    startup({
      runs: num(args.runs, 6, 3),
      idleMs: quick ? 1_000 : 5_000,
      brokers: hubBrokers('startup'),
    }),
  'round-trip': () =>
    roundTrip({
      count: num(args.trips, 2_000, 200),
      rounds: quick ? 1 : 3,
      warmup: 200,
      brokers: hubBrokers('round-trip'),
    }),
  locks: () =>
    locks({
      devices: num(args.locks, 1_000, 50),
      commands: num(args.commands, 2_000, 100),
      workers: num(args.workers, 6, 6),
      lockAllRounds: quick ? 1 : 3,
      joinBatch: 50,
      brokers: hubBrokers('locks'),
    }),
  actions: () =>
    actions({ count: num(args.trips, 2_000, 200), warmup: 100, brokers: hubBrokers('actions') }),
  sandbox: () =>
    sandbox({
      starts: num(args.runs, 10, 3),
      loads: num(undefined, 50, 10),
      files: num(undefined, 50, 10),
    }),
  'panel-devices': () =>
    panelDevices({
      devices: quick ? 100 : 1_000,
      loads: quick ? 2 : 5,
      keystrokes: quick ? 4 : 20,
      updates: quick ? 2 : 10,
    }),
  pictures: () =>
    pictures({
      pictures: num(undefined, 200, 20),
      gallery: 10_000,
      listings: num(undefined, 200, 20),
      brokers: hubBrokers('pictures'),
    }),
};
const chosen = args.only ? args.only.split(',') : Object.keys(scenarios);
for (const name of chosen) {
  if (!scenarios[name]) throw new Error(`unknown scenario ${name}: ${Object.keys(scenarios)}`);
}
if (args.profile) profileHubsInto(resolve(args.profile));

const started = new Date();
let current: string | null = null;
const results: ScenarioResult[] = [];
const machine = {
  cpu: cpus()[0]?.model ?? 'unknown',
  cores: cpus().length,
  memoryGiB: Number((totalmem() / 2 ** 30).toFixed(1)),
  node: process.version,
  loadAverageAtStart: loadavg().map((x) => Number(x.toFixed(2))),
};

/** Prints the table and writes the JSON file; returns the exit code. */
function finish(abortedBecause?: string): number {
  closeHttp();
  if (lateErrors.length) {
    const failures = { 'errors after connecting': lateErrors.length };
    results.push({ scenario: 'mqtt clients', rows: [], failures });
  }
  console.log(`\n${table(results)}\n`);
  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const out = resolve(args.out ?? join('bench', 'results', `bench-${stamp}.json`));
  mkdirSync(dirname(out), { recursive: true });
  const document = {
    startedAt: started.toISOString(),
    finishedAt: new Date().toISOString(),
    quick,
    hubBrokers: Object.fromEntries(
      chosen.filter((name) => HUB_SCENARIOS.has(name)).map((name) => [name, hubBrokers(name)]),
    ),
    abortedBecause: abortedBecause ?? null,
    machine: {
      ...machine,
      loadAverageAtEnd: loadavg().map((x) => Number(x.toFixed(2))),
    },
    results,
    lateErrors: lateErrors.slice(0, 20),
  };
  const rounded = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isInteger(value) ? Number(value.toFixed(3)) : value;
  writeFileSync(out, JSON.stringify(document, rounded, 2) + '\n');
  console.log(`figures written to ${out}`);
  const failed = results.some((result) => Object.keys(result.failures).length > 0);
  return abortedBecause || failed ? 1 : 0;
}

const abort = (why: string, code: number): void => {
  console.error(`\nbench: ${why}; stopping every process it started`);
  killAll();
  if (current) results.push({ scenario: current, rows: [], failures: { [why]: 1 } });
  finish(why);
  process.exit(code);
};
const timeoutS = Number(args.timeout);
const deadline = setTimeout(() => abort(`hard timeout of ${timeoutS} s`, 2), timeoutS * 1000);
process.once('SIGINT', () => abort('interrupted', 130));
process.once('SIGTERM', () => abort('terminated', 143));

console.log(`bench ${started.toISOString()}: ${chosen.join(', ')}${quick ? ' (quick)' : ''}`);
for (const name of chosen) {
  const t0 = Date.now();
  console.log(`\n== ${name}`);
  current = name;
  try {
    const result = await scenarios[name]!();
    const why = HUB_SCENARIOS.has(name) ? leftOut(name) : null;
    if (why) result.notes = [...(result.notes ?? []), why];
    results.push(result);
  } catch (error) {
    console.error(error);
    const failures = { [`aborted: ${(error as Error).message}`]: 1 };
    results.push({ scenario: name, rows: [], failures });
  }
  current = null;
  console.log(`== ${name} done in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
clearTimeout(deadline);
process.exit(finish());
