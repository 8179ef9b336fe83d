// `npm run bench -- --quick` runs in the test suite so the benchmark cannot rot: the broker
// scenarios (Hearth, raw aedes and Mosquitto side by side), a fast hub one, and a small locks
// run for Hearth on its embedded broker and Hearth on Mosquitto (issue #10), in a real run of
// bench/run.ts against the built hub. Only that every figure is there and finite is asserted,
// never a timing against a threshold (the machine is shared).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';

const SCENARIOS = [
  'broker-fan-in',
  'broker-fan-out',
  'broker-latency',
  'broker-storm',
  'startup',
  'locks',
];
const MOSQUITTO = existsSync('/usr/sbin/mosquitto');

interface Row {
  metric: string;
  hearth: number | null;
  aedes?: number | null;
  mosquitto?: number | null;
  hearthOnMosquitto?: number | null;
}
interface Result {
  scenario: string;
  rows: Row[];
  failures: Record<string, number>;
  skipped?: string;
  notes?: string[];
}

test(
  'bench --quick: every broker figure for Hearth, raw aedes and Mosquitto is a finite number, and locks for Hearth on Mosquitto too',
  {
    timeout: 150_000,
  },
  async () => {
    const dir = mkdtempSync(join(tmpdir(), 'hearth-bench-quick-'));
    const out = join(dir, 'quick.json');
    try {
      const child = spawn(
        process.execPath,
        // The bench's own hard timeout stops everything it started; typically done in 60 s.
        ['--import', 'tsx', 'bench/run.ts', '--quick', '--only', SCENARIOS.join(',')].concat([
          '--timeout',
          '140',
          '--out',
          out,
        ]),
        { stdio: ['ignore', 'pipe', 'pipe'] },
      );
      let output = '';
      child.stdout.on('data', (chunk: Buffer) => (output += chunk));
      child.stderr.on('data', (chunk: Buffer) => (output += chunk));
      const code = await new Promise<number | null>((resolve) => child.once('exit', resolve));
      assert.equal(code, 0, output.slice(-3_000));
      const document = JSON.parse(readFileSync(out, 'utf8')) as {
        quick: boolean;
        results: Result[];
      };
      assert.equal(document.quick, true);
      assert.deepEqual(
        document.results.map((result) => result.scenario),
        ['broker fan-in', 'broker fan-out', 'broker latency', 'broker storm', 'startup', 'locks'],
      );
      for (const result of document.results) {
        assert.deepEqual(result.failures, {}, `${result.scenario} had failures`);
        assert.ok(result.rows.length > 0, `${result.scenario} has figures`);
        const broker = result.scenario.startsWith('broker');
        for (const row of result.rows) {
          const where = `${result.scenario}: ${row.metric}`;
          assert.ok(Number.isFinite(row.hearth), `${where}: Hearth ${row.hearth}`);
          if (result.scenario === 'locks' && MOSQUITTO) {
            const value = row.hearthOnMosquitto;
            assert.ok(Number.isFinite(value), `${where}: Hearth on Mosquitto ${value}`);
          }
          if (!broker) continue;
          assert.ok(Number.isFinite(row.aedes), `${where}: aedes ${row.aedes}`);
          if (MOSQUITTO) assert.ok(Number.isFinite(row.mosquitto), `${where}: Mosquitto`);
        }
      }
      const metrics = document.results.flatMap((r) => r.rows.map((row) => row.metric)).join('\n');
      // --quick runs Hearth on Mosquitto for locks only, and says so for startup.
      const startup = document.results.find((result) => result.scenario === 'startup')!;
      assert.match(startup.notes?.join('\n') ?? '', /Hearth on Mosquitto not run/);
      for (const expected of [
        /QoS 0 fan-in.*broker CPU per message/,
        /QoS 1 fan-in.*broker CPU per message/,
        /fan-out to \d+: broker CPU per delivery/,
        /request\/reply.*p99/,
        /time to all CONNACKs/,
        /RSS per connected client/,
        /HTTP lock\/unlock p50/,
        /hub \+ broker CPU per command/,
      ]) {
        assert.match(metrics, expected);
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
);
