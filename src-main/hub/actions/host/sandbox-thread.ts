// Starts the action sandbox's worker thread. The same code runs under headless Node and in the
// desktop app's main process (Electron runs worker threads, and reads their script from
// app.asar), so there is one way to start it and nothing per runtime to configure.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { SandboxWorkerData } from '../sandbox/sandbox-worker.js';
import type { HubToHost } from './host-protocol.js';

/** The worker's own JavaScript heap and stack; action code lives in the engine's heap. */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 128, stackSizeMb: 8 };

/** The running sandbox as the hub sees it. */
export interface SandboxThread {
  readonly threadId: number;
  send(message: HubToHost): void;
  onMessage(handler: (message: unknown) => void): void;
  /** Called once, with why the thread ended. */
  onExit(handler: (why: string) => void): void;
  /** The engine's current deadline (epoch ms), or 0 while it is idle. */
  engineDeadline(): number;
  terminate(): void;
}

let sourceBuild: Promise<URL> | null = null;

/**
 * The worker's script. Built, it is a .js file beside its sources' output. Run from sources
 * (tests under tsx, whose loader a worker thread does not inherit), it is bundled once per
 * process with esbuild (a dev dependency, present wherever the sources run) into
 * node_modules/.cache, from where its packages resolve as usual.
 */
function workerScript(): Promise<URL> {
  const built = new URL('../sandbox/sandbox-worker.js', import.meta.url);
  if (fs.existsSync(fileURLToPath(built))) return Promise.resolve(built);
  sourceBuild ??= bundleFromSources();
  return sourceBuild;
}

async function bundleFromSources(): Promise<URL> {
  const esbuild = await import('esbuild');
  const entry = fileURLToPath(new URL('../sandbox/sandbox-worker.ts', import.meta.url));
  const output = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    write: false,
    logLevel: 'silent',
  });
  const code = output.outputFiles[0]!.text;
  const hash = createHash('sha256').update(code).digest('hex').slice(0, 16);
  const dir = path.resolve(
    fileURLToPath(new URL('../../../../node_modules/.cache/hearth', import.meta.url)),
  );
  const target = path.join(dir, `sandbox-worker-${hash}.mjs`);
  if (!fs.existsSync(target)) {
    fs.mkdirSync(dir, { recursive: true });
    const temporary = `${target}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, code);
    fs.renameSync(temporary, target);
  }
  return pathToFileURL(target);
}

/** Starts the worker; `heapMb` is the engine's whole WebAssembly memory, a hard ceiling. */
export async function startSandboxThread(
  actionsDir: string,
  heapMb: number,
): Promise<SandboxThread> {
  const deadline = new SharedArrayBuffer(Float64Array.BYTES_PER_ELEMENT);
  const deadlineView = new Float64Array(deadline);
  const workerData: SandboxWorkerData = { actionsDir, deadline, heapMb };
  const worker = new Worker(await workerScript(), {
    workerData,
    // Nothing of the hub's environment (tokens, paths) is the worker's business.
    env: {},
    resourceLimits: WORKER_LIMITS,
  });
  let lastError = '';
  // Sends within one turn of the event loop leave as one batch (a burst of MQTT messages read
  // at once becomes one postMessage), and the worker answers each batch with one.
  let outbox: HubToHost[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    worker.postMessage(batch);
  };
  worker.on('error', (error) => {
    lastError = error.message.split('\n')[0]!.slice(0, 300);
  });
  return {
    threadId: worker.threadId,
    send: (message) => {
      if (outbox.push(message) === 1) queueMicrotask(flush);
    },
    onMessage: (handler) =>
      worker.on('message', (batch: unknown) => {
        if (!Array.isArray(batch)) return handler(batch);
        for (const message of batch) handler(message);
      }),
    onExit: (handler) =>
      worker.once('exit', (code) =>
        handler(lastError ? `exit code ${code}: ${lastError}` : `exit code ${code}`),
      ),
    engineDeadline: () => deadlineView[0] ?? 0,
    terminate: () => void worker.terminate(),
  };
}
