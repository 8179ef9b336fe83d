// The action sandbox's worker thread: QuickJS compiled to WebAssembly, one runtime per action
// file. Action code runs only inside the engine, where nothing exists but the language, the
// message and the `hub` object; this file is the only code of the worker that touches Node, and
// it reads nothing but action files through the folder's containment check. A worker thread
// behaves the same in Node and in Electron's main process, which is why the sandbox is one.
import { parentPort, workerData, type MessagePort } from 'node:worker_threads';
import { newQuickJSWASMModuleFromVariant, newVariant } from 'quickjs-emscripten-core';
import type { HubToHost } from '../host/host-protocol.js';
import { FileRuntime, type FileRuntimeHost, type RuntimeLimits } from './file-runtime.js';
import type { CallOutcome } from './pending-calls.js';

export interface SandboxWorkerData {
  actionsDir: string;
  /** One float: the running engine's deadline (epoch ms), 0 when idle. Read by the hub. */
  deadline: SharedArrayBuffer;
  /** The engine's whole heap: its WebAssembly memory can never grow past this. */
  heapMb: number;
}

interface LoadedFile {
  version: number;
  source: string;
  /** Null after its code was stopped: the next call loads the same source afresh. */
  current: FileRuntime | null;
}

if (!parentPort) throw new Error('the action sandbox runs in a worker thread');
const port: MessagePort = parentPort;
const { actionsDir, deadline, heapMb } = workerData as SandboxWorkerData;
const deadlineView = new Float64Array(deadline);
const PAGE_BYTES = 64 * 1024;
const MAX_PAGES = 32_768;
// The engine's own per-runtime limit does not count memory grown by realloc in its WebAssembly
// build (it cannot see block sizes there), so the heap itself has a maximum: past it, every
// allocation fails and the engine throws "out of memory" where the action stands.
// (Node has WebAssembly; this project's TypeScript libraries do not declare it.)
const { WebAssembly: wasm } = globalThis as unknown as {
  WebAssembly: { Memory: new (size: { initial: number; maximum: number }) => object };
};
const wasmMemory = new wasm.Memory({
  initial: 256,
  // The engine's build declares 2 GiB as its most; a larger setting gets that.
  maximum: Math.min(MAX_PAGES, Math.ceil((heapMb * 1024 * 1024) / PAGE_BYTES)),
});
// QuickJS-ng: ES modules, top-level await, async functions. The synchronous build is enough:
// the hub API is promises the worker settles.
type SyncVariant = Parameters<typeof newVariant>[0] & { type: 'sync' };
const quickjsNg = (await import('@jitl/quickjs-ng-wasmfile-release-sync'))
  .default as unknown as SyncVariant;
const engine = await newQuickJSWASMModuleFromVariant(
  newVariant(quickjsNg, { wasmMemory: wasmMemory as never }) as SyncVariant,
);
/** Files a restarted worker could not load again, with why (said to the next call). */
const unrestorable = new Map<string, string>();
const files = new Map<string, LoadedFile>();
/** Runtimes replaced by a newer version of their file, kept until their calls finish. */
const retiring = new Set<FileRuntime>();
const waits = new Map<number, FileRuntime>();
let nextWaitId = 1;

const host: FileRuntimeHost = {
  requestApi(runtime, callId, op, argsJson, bytes) {
    const id = nextWaitId++;
    waits.set(id, runtime);
    const args = JSON.parse(argsJson) as unknown[];
    if (bytes) args.push(bytes);
    post({ type: 'api', id, callId, op, args });
    return id;
  },
  engineDeadline(ms) {
    deadlineView[0] = ms;
  },
};

function load(file: string, version: number, source: string, limits: RuntimeLimits) {
  const loaded = FileRuntime.load(engine, { dir: actionsDir, file, version, source }, limits, host);
  if (loaded.ok) {
    const before = files.get(file)?.current;
    if (before) retire(before);
    files.set(file, { version, source, current: loaded.runtime });
    unrestorable.delete(file);
  }
  return loaded;
}

/** The runtime a call runs in: the file's current one, or a fresh one after a stop. */
function runtimeFor(file: string, limits: RuntimeLimits): FileRuntime | string {
  const entry = files.get(file);
  if (!entry) return unrestorable.get(file) ?? `${file} is not loaded`;
  if (entry.current && !entry.current.dead) return entry.current;
  const where = { dir: actionsDir, file, version: entry.version, source: entry.source };
  const loaded = FileRuntime.load(engine, where, limits, host);
  if (!loaded.ok) {
    return loaded.stopped === 'time'
      ? `${file} could not start again: its top level ran past the time budget`
      : `${file} could not start again: ${loaded.error}`;
  }
  entry.current = loaded.runtime;
  return loaded.runtime;
}

function retire(runtime: FileRuntime): void {
  if (runtime.busy) retiring.add(runtime);
  else drop(runtime);
}

function drop(runtime: FileRuntime): void {
  retiring.delete(runtime);
  for (const [id, owner] of waits) if (owner === runtime) waits.delete(id);
  runtime.dispose();
}

function report(runtime: FileRuntime, outcomes: CallOutcome[]): void {
  for (const outcome of outcomes) post({ type: 'result', id: outcome.callId, ...outcome });
  if (runtime.dead && !outcomes.some((outcome) => !outcome.ok && outcome.stopped)) {
    // Code no call owned any more (a continuation after its call ended) was stopped.
    const error = `code of ${runtime.file} kept running after its call ended and was stopped; the file starts afresh`;
    post({ type: 'stray-error', error });
  }
  if (runtime.dead) {
    const entry = files.get(runtime.file);
    if (entry?.current === runtime) entry.current = null;
    drop(runtime);
  } else if (retiring.has(runtime) && !runtime.busy) {
    drop(runtime);
  }
}

// Messages travel in batches both ways (see SandboxThread): whatever one batch of calls
// produced goes back as one batch, so a burst costs the hub one message event, not one a call.
let outbox: unknown[] = [];

function post(message: unknown): void {
  outbox.push(message);
}

port.on('message', (batch: HubToHost[]) => {
  for (const message of batch) {
    try {
      handle(message);
    } catch (error) {
      hostFault(message, error);
    }
  }
  flush();
});

function flush(): void {
  if (outbox.length === 0) return;
  const batch = outbox;
  outbox = [];
  port.postMessage(batch);
}

/**
 * A fault in this worker's own code while serving a message: the call (if any) fails and the
 * file starts afresh. A trap inside the engine leaves its memory in an unknown state, so that
 * one ends the worker, and the hub starts a new one.
 */
function hostFault(message: HubToHost, error: unknown): void {
  const { RuntimeError } = (
    globalThis as unknown as { WebAssembly: { RuntimeError: ErrorConstructor } }
  ).WebAssembly;
  if (error instanceof RuntimeError) throw error;
  const text = `the sandbox failed: ${error instanceof Error ? error.message : String(error)}`;
  if (message.type === 'inspect')
    post({ type: 'inspected', id: message.id, ok: false, error: text });
  if (message.type === 'call') post({ type: 'result', id: message.id, ok: false, error: text });
  const file = 'file' in message ? message.file : waits.get(message.id)?.file;
  const runtime = file === undefined ? undefined : files.get(file)?.current;
  if (!runtime) return;
  for (const outcome of runtime.abandon(text))
    post({ type: 'result', id: outcome.callId, ...outcome });
  files.get(runtime.file)!.current = null;
  drop(runtime);
}

function handle(message: HubToHost): void {
  switch (message.type) {
    case 'inspect': {
      const loaded = load(message.file, message.version, message.source, message.limits);
      post(
        loaded.ok
          ? { type: 'inspected', id: message.id, ok: true, report: loaded.report }
          : {
              type: 'inspected',
              id: message.id,
              ok: false,
              error: loaded.error,
              stopped: loaded.stopped,
            },
      );
      return;
    }
    case 'restore': {
      const loaded = load(message.file, message.version, message.source, message.limits);
      if (!loaded.ok) {
        const why = loaded.stopped
          ? `its top level ran past the ${loaded.stopped} limit`
          : loaded.error;
        unrestorable.set(
          message.file,
          `${message.file} could not be loaded again after the sandbox restarted: ${why}`,
        );
      }
      return;
    }
    case 'unload': {
      const entry = files.get(message.file);
      files.delete(message.file);
      unrestorable.delete(message.file);
      if (entry?.current) retire(entry.current);
      return;
    }
    case 'call': {
      const runtime = runtimeFor(message.file, message.limits);
      if (typeof runtime === 'string') {
        post({ type: 'result', id: message.id, ok: false, error: runtime });
        return;
      }
      const { bytes, ...fields } = message.message;
      const outcomes = runtime.call(
        message.id,
        message.exportName,
        JSON.stringify(fields),
        bytes,
        message.limits,
      );
      report(runtime, outcomes);
      return;
    }
    case 'api-result': {
      const runtime = waits.get(message.id);
      if (!runtime) return;
      waits.delete(message.id);
      const outcomes = message.ok
        ? runtime.apiResult(message.id, true, JSON.stringify(message.value ?? null), undefined)
        : runtime.apiResult(message.id, false, undefined, message.error);
      report(runtime, outcomes);
      return;
    }
  }
}

post({ type: 'ready' });
flush();
