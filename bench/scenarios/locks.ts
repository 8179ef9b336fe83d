// 3. Locks (issue 4): 1,000 simulated locks join the headless hub, then HTTP lock/unlock ->
// device -> confirmed answer from a few concurrent workers, then unlock-all / lock-all over
// every lock. Join time, hub memory, CPU on both sides and every failure are reported.
import { ADMIN_TOKEN, startHub } from '../lib/hub.js';
import { call, type Reply } from '../lib/http.js';
import { joinFleet, type Lock } from '../lib/lock-fleet.js';
import { cpuMeter, rssMiB } from '../lib/proc.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize } from '../lib/stats.js';

export interface LockOptions {
  devices: number;
  commands: number;
  workers: number;
  lockAllRounds: number;
  joinBatch: number;
}

type Api = (method: string, path: string, body?: unknown, timeoutMs?: number) => Promise<Reply>;
type Failures = Record<string, number>;

const why = (reply: Reply): string =>
  `HTTP ${reply.status} ${reply.body?.error?.code ?? JSON.stringify(reply.body).slice(0, 60)}`;

const fail = (failures: Failures, what: string, error: unknown): void =>
  count(failures, `${what}: ${error instanceof Error ? error.message : String(error)}`);

const cpuNote = (cpu: { processMs: number; benchMs: number }): string =>
  `CPU hub ${(cpu.processMs / 1000).toFixed(1)} s, bench ${(cpu.benchMs / 1000).toFixed(1)} s`;

export async function locks(options: LockOptions): Promise<ScenarioResult> {
  const failures: Failures = {};
  const details: Record<string, unknown> = { options };
  const hub = await startHub();
  const api: Api = (method, path, body, timeoutMs) =>
    call(hub.httpUrl, ADMIN_TOKEN, method, path, body, timeoutMs);
  let fleet: Lock[] = [];
  try {
    const settings = await api('PATCH', '/api/v1/settings', {
      broker: { maxConnectionsPerAddress: 2_000, maxConnections: 5_000 },
      devices: { handShakesPerMinutePerAddress: 10_000 },
    });
    if (settings.status !== 200) throw new Error(`raising the caps: ${why(settings)}`);
    const permit = await api('POST', '/api/v1/permit-join', { seconds: 600 });
    if (permit.status !== 200) throw new Error(`permit-join: ${why(permit)}`);

    const rssBefore = rssMiB(hub.pid);
    const cpu = cpuMeter(hub.pid);
    const target = { host: '127.0.0.1', port: hub.mqttPort };
    const idOf = (i: number): string => `bench-lock-${String(i).padStart(4, '0')}`;
    const joined = await joinFleet(target, options.devices, options.joinBatch, idOf);
    const joinCpu = cpu();
    fleet = joined.locks;
    for (const failure of joined.failures) fail(failures, 'join', failure.replace(/^\S+: /, ''));
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    const rssAfter = rssMiB(hub.pid);
    const listed = await api('GET', '/api/v1/devices');
    type Listed = { status: string; availability: string; address: string | null };
    const devices = (listed.body?.devices ?? []) as Listed[];
    const addresses = new Set(devices.map((d) => d.address)).size;
    const online = devices.filter((d) => d.status === 'approved' && d.availability === 'online');
    if (online.length !== fleet.length) {
      count(failures, `online per the API: ${online.length} of ${fleet.length}`);
    }
    const rows: Row[] = [
      {
        metric: `join ${options.devices} locks, ${options.joinBatch} at a time`,
        unit: 's',
        hearth: joined.ms / 1000,
        note: cpuNote(joinCpu),
      },
      {
        metric: 'joined and online',
        unit: 'count',
        hearth: online.length,
        note: `from ${addresses} source addresses`,
      },
      { metric: 'hub RSS after joining', unit: 'MiB', hearth: rssAfter },
      {
        metric: 'hub RSS per joined lock',
        unit: 'KiB',
        hearth: ((rssAfter - rssBefore) * 1024) / Math.max(1, fleet.length),
      },
    ];
    details.join = { ms: joined.ms, cpu: joinCpu, rssBeforeMiB: round(rssBefore, 1) };
    details.joinFailures = joined.failures.slice(0, 20);

    // The probe leaves the first lock locked, as every other lock reported itself.
    const probe = fleet[0] && (await api('POST', `/api/v1/devices/${fleet[0].id}/lock`));
    if (!probe || (probe.status === 404 && probe.body?.error?.code === 'not_found')) {
      const skipped = 'lock routes not in this build yet';
      return { scenario: 'locks', rows, failures, details, skipped };
    }
    rows.push(...(await commands(fleet, options, api, hub.pid, failures, details)));
    rows.push(...(await lockAll(fleet, options.lockAllRounds, api, hub.pid, failures, details)));
    return { scenario: 'locks', rows, failures, details };
  } finally {
    await Promise.all(fleet.map((lock) => lock.client.endAsync(true)));
    await hub.stop();
  }
}

/** Alternating unlock/lock on each worker's own locks (all start locked). */
async function commands(
  fleet: Lock[],
  options: LockOptions,
  api: Api,
  hubPid: number,
  failures: Failures,
  details: Record<string, unknown>,
): Promise<Row[]> {
  const httpMs: number[] = [];
  const hubMs: number[] = [];
  const locked = new Map(fleet.map((lock) => [lock.id, true]));
  const worker = async (w: number): Promise<void> => {
    const own = fleet.filter((_, i) => i % options.workers === w);
    const n = Math.floor((options.commands + options.workers - 1 - w) / options.workers);
    for (let k = 0; k < n; k++) {
      const { id } = own[k % own.length]!;
      const verb = locked.get(id) ? 'unlock' : 'lock';
      try {
        const reply = await api('POST', `/api/v1/devices/${id}/${verb}`);
        if (reply.status === 200 && reply.body?.state === `${verb}ed`) {
          httpMs.push(reply.ms);
          if (typeof reply.body.ms === 'number') hubMs.push(reply.body.ms);
          locked.set(id, verb === 'lock');
        } else count(failures, `${verb}: ${why(reply)}`);
      } catch (error) {
        fail(failures, verb, error);
      }
    }
  };
  const workers = Math.min(options.workers, fleet.length);
  const cpu = cpuMeter(hubPid);
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: workers }, (_, w) => worker(w)));
  const wallMs = elapsedMs(started);
  const used = cpu();
  const http = summarize(httpMs);
  const inHub = summarize(hubMs);
  details.commands = { http, hubReported: inHub, wallMs: round(wallMs, 1), cpu: used };
  return [
    {
      metric: `HTTP lock/unlock p50, ${options.commands} commands, ${workers} workers`,
      unit: 'ms',
      hearth: http.p50,
    },
    { metric: 'HTTP lock/unlock p99', unit: 'ms', hearth: http.p99 },
    { metric: 'HTTP lock/unlock max', unit: 'ms', hearth: http.max },
    { metric: 'hub-reported ms p50', unit: 'ms', hearth: inHub.p50, note: `p99 ${inHub.p99}` },
    { metric: 'commands per second', unit: '1/s', hearth: (http.n * 1000) / wallMs },
    {
      metric: 'hub CPU per command',
      unit: 'us',
      hearth: (used.processMs * 1000) / Math.max(1, http.n),
      note: cpuNote(used),
    },
  ];
}

/** Rounds of unlock-all then lock-all, so that each call changes every lock. */
async function lockAll(
  fleet: Lock[],
  rounds: number,
  api: Api,
  hubPid: number,
  failures: Failures,
  details: Record<string, unknown>,
): Promise<Row[]> {
  const times: Record<string, number[]> = { 'unlock-all': [], 'lock-all': [] };
  const summaries: string[] = [];
  const cpu = cpuMeter(hubPid);
  for (let r = 0; r < rounds; r++) {
    for (const verb of ['unlock-all', 'lock-all']) {
      const started = process.hrtime.bigint();
      try {
        const reply = await api('POST', `/api/v1/locks/${verb}`, undefined, 60_000);
        const ms = elapsedMs(started);
        if (reply.status !== 200) {
          count(failures, `${verb}: ${why(reply)}`);
          continue;
        }
        const results = (reply.body?.results ?? []) as Array<{ ok: boolean; error?: string }>;
        for (const result of results) {
          if (!result.ok) count(failures, `${verb} result: ${result.error}`);
        }
        if (results.length !== fleet.length) count(failures, `${verb}: ${results.length} results`);
        times[verb]!.push(ms);
        summaries.push(`${verb}: ${reply.body?.summary}`);
      } catch (error) {
        fail(failures, verb, error);
      }
    }
  }
  const used = cpu();
  details.lockAll = { ms: times, summaries, cpu: used };
  return Object.entries(times).map(([verb, ms]) => {
    const s = summarize(ms);
    return {
      metric: `${verb} over ${fleet.length} locks, all results in, median of ${s.n}`,
      unit: 'ms',
      hearth: s.p50,
      note: s.n ? `min ${s.min.toFixed(0)}, max ${s.max.toFixed(0)}; ${cpuNote(used)} (both)` : '',
    };
  });
}
