// 1. Cold start of the built headless hub (spawn -> `hearth ready` line), each run on a fresh
// data folder, and its resident memory once idle.
import { startHub } from '../lib/hub.js';
import { rssMiB } from '../lib/proc.js';
import { count, type ScenarioResult } from '../lib/report.js';
import { round, summarize } from '../lib/stats.js';

export interface StartupOptions {
  runs: number;
  idleMs: number;
}

export async function startup({ runs, idleMs }: StartupOptions): Promise<ScenarioResult> {
  const failures: Record<string, number> = {};
  const starts: number[] = [];
  for (let i = 0; i < runs; i++) {
    try {
      const hub = await startHub();
      starts.push(hub.startMs);
      await hub.stop();
    } catch (error) {
      count(failures, `start: ${(error as Error).message.slice(0, 80)}`);
    }
  }
  const hub = await startHub();
  await new Promise((resolve) => setTimeout(resolve, idleMs));
  const idleRss = rssMiB(hub.pid);
  await hub.stop();
  const s = summarize(starts);
  return {
    scenario: 'startup',
    rows: [
      { metric: `cold start median, ${runs} runs`, unit: 'ms', hearth: s.p50 },
      { metric: 'cold start min', unit: 'ms', hearth: s.min },
      { metric: 'cold start max', unit: 'ms', hearth: s.max },
      { metric: `idle RSS ${idleMs / 1000} s after ready`, unit: 'MiB', hearth: idleRss },
    ],
    failures,
    details: { startsMs: starts.map((ms) => round(ms, 1)), idleRssMiB: round(idleRss, 1) },
  };
}
