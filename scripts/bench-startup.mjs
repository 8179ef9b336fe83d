// Benchmark: cold start of the built headless hub (process spawn -> `hearth ready` line) and
// its idle resident memory. Usage: npm run bench [-- --runs N]
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const runs = Number(process.argv[process.argv.indexOf('--runs') + 1]) || 10;
const entry = resolve('dist/main/headless.js');
const token = 'bench-admin-token-0123456789abcdef0123456789';

function startOnce() {
  const dataDir = mkdtempSync(join(tmpdir(), 'hearth-bench-'));
  const started = process.hrtime.bigint();
  const child = spawn(
    process.execPath,
    [
      entry,
      '--data-dir',
      dataDir,
      '--host',
      '127.0.0.1',
      '--mqtt-port',
      '0',
      '--ws-port',
      '0',
      '--http-port',
      '0',
      '--admin-token',
      token,
    ],
    {
      stdio: ['ignore', 'pipe', 'ignore'],
      env: { ...process.env, HEARTH_MDNS: '0', HEARTH_LOG_LEVEL: 'warn' },
    },
  );
  return new Promise((resolvePromise, reject) => {
    let out = '';
    child.stdout.on('data', (chunk) => {
      out += chunk;
      if (out.includes('hearth ready ')) {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        resolvePromise({ child, ms, dataDir });
      }
    });
    child.on('exit', (code) => reject(new Error(`hub exited with ${code}`)));
  });
}

function rssMiB(pid) {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)[1]);
  return kb / 1024;
}

async function stop({ child, dataDir }) {
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
  rmSync(dataDir, { recursive: true, force: true });
}

const percentile = (values, p) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(p * values.length))];

const starts = [];
for (let i = 0; i < runs; i++) {
  const run = await startOnce();
  starts.push(run.ms);
  await stop(run);
}
const idle = await startOnce();
await new Promise((r) => setTimeout(r, 5_000));
const idleRss = rssMiB(idle.child.pid);
await stop(idle);

console.log(
  `cold start to ready line (${runs} runs): median ${percentile(starts, 0.5).toFixed(0)} ms, p90 ${percentile(starts, 0.9).toFixed(0)} ms, min ${Math.min(...starts).toFixed(0)} ms`,
);
console.log(`idle RSS 5 s after ready: ${idleRss.toFixed(1)} MiB`);
