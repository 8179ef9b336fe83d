// 10. The action sandbox itself (issue 18): how long its worker thread takes to start (the
// engine compiled and ready, and a first file loaded), how long loading one file takes once it
// runs, and what each loaded file costs the hub process in resident memory. The start and load
// times are taken in this process with the hub's own ActionHost; the memory is the built hub's
// (a real process, its files uploaded over the HTTP API), measured before and after.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ActionHost } from '../../src-main/hub/actions/host/action-host.js';
import { silentLogger } from '../../src-main/hub/log.js';
import { call } from '../lib/http.js';
import { ADMIN_TOKEN, startHub } from '../lib/hub.js';
import { rssMiB } from '../lib/proc.js';
import { count, type Row, type ScenarioResult } from '../lib/report.js';
import { elapsedMs, round, summarize } from '../lib/stats.js';

export interface SandboxOptions {
  starts: number;
  loads: number;
  files: number;
}

/** A small but real action file: a few exports, some module state, a helper. */
const fileSource = (n: number): string => `
let seen = 0;
const greet = (who) => 'hello ' + who + ' #' + ${n};
export const devices = ['echo_${n}'];
export function echo_${n}(message) { seen += 1; return message.args[0] ?? greet(message.sender); }
export async function count_${n}(message, hub) {
  const next = ((await hub.store.get('count')) ?? 0) + 1;
  await hub.store.set('count', next);
  return next + seen;
}
`;

function newHost(dir: string): ActionHost {
  return new ActionHost({
    actionsDir: dir,
    memoryMb: () => 64,
    callTimeoutMs: () => 1000,
    api: { handle: async () => null },
    log: silentLogger,
  });
}

async function startAndLoadTimes(options: SandboxOptions) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hearth-bench-sandbox-'));
  const starts: number[] = [];
  const loads: number[] = [];
  try {
    for (let run = 0; run < options.starts; run++) {
      const host = newHost(dir);
      const started = process.hrtime.bigint();
      await host.inspect('first.mjs', 1, fileSource(0));
      starts.push(elapsedMs(started));
      if (run === 0) {
        for (let i = 0; i < options.loads; i++) {
          const loading = process.hrtime.bigint();
          await host.inspect(`file-${i}.mjs`, i + 2, fileSource(i + 1));
          loads.push(elapsedMs(loading));
        }
      }
      await host.stop();
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return { starts: summarize(starts), loads: summarize(loads) };
}

async function memoryPerFile(files: number, failures: Record<string, number>) {
  const hub = await startHub({ broker: 'embedded' });
  try {
    // One file first, so the worker and its engine are running before the baseline.
    const upload = (n: number) =>
      call(hub.httpUrl, ADMIN_TOKEN, 'POST', '/api/v1/actions', {
        file: `bench-${n}.mjs`,
        contentBase64: Buffer.from(fileSource(n)).toString('base64'),
      });
    if ((await upload(0)).status >= 300) count(failures, 'an upload was refused');
    await new Promise((resolve) => setTimeout(resolve, 500));
    const before = rssMiB(hub.pid);
    for (let n = 1; n <= files; n++) {
      if ((await upload(n)).status >= 300) count(failures, 'an upload was refused');
    }
    const listed = await call(hub.httpUrl, ADMIN_TOKEN, 'GET', '/api/v1/action-files');
    const loaded = (listed.body as { files: Array<{ status: string }> }).files.filter(
      (file) => file.status === 'loaded',
    ).length;
    if (loaded !== files + 1) failures[`files loaded: ${loaded} of ${files + 1}`] = 1;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const after = rssMiB(hub.pid);
    return { perFileKiB: ((after - before) * 1024) / files, before, after };
  } finally {
    await hub.stop();
  }
}

export async function sandbox(options: SandboxOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const times = await startAndLoadTimes(options);
  const memory = await memoryPerFile(options.files, failures);
  const row = (metric: string, unit: string, value: number, note = ''): Row => ({
    metric,
    unit,
    hearth: round(value),
    note,
  });
  return {
    scenario: 'sandbox',
    rows: [
      row(
        'sandbox start, p50',
        'ms',
        times.starts.p50,
        `worker + engine + first file, ${options.starts} starts`,
      ),
      row('sandbox start, worst', 'ms', times.starts.max),
      row(
        'load one action file, p50',
        'ms',
        times.loads.p50,
        `${options.loads} files into a running sandbox`,
      ),
      row('load one action file, p99', 'ms', times.loads.p99),
      row(
        'memory per loaded action file',
        'KiB',
        memory.perFileKiB,
        `hub RSS ${round(memory.before)} -> ${round(memory.after)} MiB over ${options.files} files`,
      ),
    ],
    failures,
    details: { starts: times.starts, loads: times.loads, memory },
  };
}
