// One action file loaded in its own QuickJS runtime: its own heap (capped), its own stack limit,
// its own module state. The engine enforces every limit itself: the interrupt handler ends code
// that runs past the call's time budget, the allocator refuses memory past the cap, the stack
// check refuses depth. The clock runs only while the engine runs, so the time an action spends
// awaiting the hub is not charged. A runtime whose code was stopped is not trusted again (its
// job queue may still hold the loop): the worker drops it and the next call starts a fresh one.
import type {
  QuickJSContext,
  QuickJSHandle,
  QuickJSRuntime,
  QuickJSWASMModule,
} from 'quickjs-emscripten-core';
import type { FileReport } from '../host/host-protocol.js';
import { BOOTSTRAP_SOURCE } from './bootstrap-source.js';
import { describeEngineError, isOutOfMemory } from './engine-errors.js';
import { isRefusedImport, normalizeImport, readActionSource } from './module-loading.js';
import { PendingCalls, type CallOutcome, type Stopped } from './pending-calls.js';

/** Deep recursion fails at about 1,500 frames, well before the worker's own 8 MB stack. */
export const MAX_STACK_BYTES = 256 * 1024;

export interface RuntimeLimits {
  budgetMs: number;
  memoryMb: number;
}

export interface FileRuntimeHost {
  /** An action asked the hub for something; the answer comes back through apiResult. */
  requestApi(
    runtime: FileRuntime,
    callId: number,
    op: string,
    argsJson: string,
    bytes?: Uint8Array,
  ): number;
  /** The engine's deadline while it runs (0 when idle), for the hub's stuck-worker watchdog. */
  engineDeadline(ms: number): void;
}

export type LoadResult =
  | { ok: true; runtime: FileRuntime; report: FileReport }
  | { ok: false; error: string; stopped?: Stopped };

export class FileRuntime {
  private readonly rt: QuickJSRuntime;
  private readonly ctx: QuickJSContext;
  private helpers: QuickJSHandle | null = null;
  private native: QuickJSHandle | null = null;
  private namespace: QuickJSHandle | null = null;
  private readonly exports = new Map<string, QuickJSHandle>();
  /** The files this one imported while loading (module names, refused ones included). */
  private readonly imported = new Set<string>();
  private readonly pending: PendingCalls;
  private deadline = Infinity;
  private interrupted = false;
  private outOfMemory = false;
  private memoryMb = 0;
  /** Stopped for time or memory, or disposed: never entered again. */
  dead = false;

  private constructor(
    engine: QuickJSWASMModule,
    readonly dir: string,
    readonly file: string,
    readonly version: number,
    private readonly host: FileRuntimeHost,
  ) {
    this.rt = engine.newRuntime();
    this.rt.setMaxStackSize(MAX_STACK_BYTES);
    this.rt.setInterruptHandler(() => {
      if (Date.now() <= this.deadline) return false;
      this.interrupted = true;
      return true;
    });
    this.rt.setModuleLoader(
      (name) => {
        this.imported.add(name);
        const read = readActionSource(this.dir, name);
        return read.ok ? read.source : { error: new Error(read.error) };
      },
      (_base, requested) => normalizeImport(requested),
    );
    this.ctx = this.rt.newContext();
    this.pending = new PendingCalls(this.ctx);
  }

  /** Evaluates the file (and what it imports) and reports its exports. */
  static load(
    engine: QuickJSWASMModule,
    where: { dir: string; file: string; version: number; source: string },
    limits: RuntimeLimits,
    host: FileRuntimeHost,
  ): LoadResult {
    const runtime = new FileRuntime(engine, where.dir, where.file, where.version, host);
    runtime.applyMemory(limits.memoryMb);
    const outcome = runtime.evaluate(where.source, limits.budgetMs);
    if (!outcome.ok) {
      runtime.dispose();
      return outcome;
    }
    return { ok: true, runtime, report: outcome.report };
  }

  get busy(): boolean {
    return this.pending.size > 0;
  }

  /** Starts one call; its outcome comes back at once, or later from apiResult. */
  call(
    callId: number,
    exportName: string,
    messageJson: string,
    bytes: Uint8Array,
    limits: RuntimeLimits,
  ): CallOutcome[] {
    this.applyMemory(limits.memoryMb);
    const running = this.pending.start(callId, limits.budgetMs);
    return this.enter(running.remainingMs, (charge) => {
      const ctx = this.ctx;
      const fn = this.exportHandle(exportName);
      if (!fn) {
        this.pending.forget(callId);
        return [{ callId, ok: false, error: `${exportName} is not a function` }];
      }
      const message = ctx.newString(messageJson);
      const buffer = ctx.newArrayBuffer(bytes.slice().buffer);
      const callIdHandle = ctx.newNumber(callId);
      const result = ctx.callMethod(this.helpers!, 'invoke', [
        fn,
        this.native!,
        callIdHandle,
        message,
        buffer,
      ]);
      message.dispose();
      buffer.dispose();
      callIdHandle.dispose();
      this.pending.attach(running, result);
      this.drainJobs();
      charge(running);
      return this.settle(callId);
    });
  }

  /** The hub answered an action's request: resume it under its own call's clock. */
  apiResult(waitId: number, ok: boolean, valueJson: string | undefined, error: string | undefined) {
    const wait = this.pending.takeWait(waitId);
    if (!wait) return [];
    const running = this.pending.get(wait.callId);
    return this.enter(running?.remainingMs ?? this.pending.lastBudgetMs, (charge) => {
      if (ok) {
        const value = this.ctx.newString(valueJson ?? 'null');
        wait.deferred.resolve(value);
        value.dispose();
      } else {
        const failure = this.ctx.newError(error ?? 'failed');
        wait.deferred.reject(failure);
        failure.dispose();
      }
      this.drainJobs();
      if (running) charge(running);
      return this.settle(wait.callId);
    });
  }

  /** Fails every call still running here (the runtime is being dropped). */
  abandon(reason: string): CallOutcome[] {
    return this.pending.failAll(reason);
  }

  dispose(): void {
    if (this.dead && !this.ctx.alive) return;
    this.dead = true;
    try {
      this.pending.disposeAll();
      for (const handle of this.exports.values()) handle.dispose();
      this.exports.clear();
      for (const handle of [this.namespace, this.native, this.helpers]) handle?.dispose();
      this.namespace = this.native = this.helpers = null;
      this.ctx.dispose();
      this.rt.dispose();
    } catch {
      // A runtime stopped mid-work can hold objects the engine still counts; its memory is
      // the WebAssembly heap's to reuse. Nothing here is worth failing the worker for.
    }
  }

  private evaluate(
    source: string,
    budgetMs: number,
  ): { ok: true; report: FileReport } | { ok: false; error: string; stopped?: Stopped } {
    const ctx = this.ctx;
    const helpers = ctx.evalCode(BOOTSTRAP_SOURCE, '<hearth>', { type: 'global' });
    if (helpers.error) {
      const error = describeEngineError(ctx, helpers.error);
      helpers.error.dispose();
      return { ok: false, error: `the sandbox could not start: ${error}` };
    }
    this.helpers = helpers.value;
    this.native = ctx.newFunction('hub', (callId, op, args, bytes) =>
      this.onNative(callId, op, args, bytes),
    );
    const loading = this.pending.start(0, budgetMs);
    return this.enter(loading.remainingMs, (charge) => {
      const result = ctx.evalCode(source, this.file, { type: 'module' });
      this.drainJobs();
      charge(loading);
      this.pending.forget(0);
      if (this.interrupted) return { ok: false, error: 'stopped', stopped: 'time' as const };
      if (this.outOfMemory) return { ok: false, error: 'stopped', stopped: 'memory' as const };
      if (result.error) {
        const failure = this.failureOf(result.error);
        result.error.dispose();
        return failure;
      }
      const state = ctx.getPromiseState(result.value);
      if (state.type === 'pending') {
        result.value.dispose();
        return {
          ok: false,
          error:
            'its top-level await never settles (nothing it waits for can happen while a file loads)',
        };
      }
      if (state.type === 'rejected') {
        result.value.dispose();
        const failure = this.failureOf(state.error);
        state.error.dispose();
        return failure;
      }
      if (state.notAPromise) this.namespace = result.value;
      else {
        this.namespace = state.value;
        result.value.dispose();
      }
      const described = ctx.callMethod(this.helpers!, 'describe', [this.namespace]);
      if (described.error) {
        const failure = this.failureOf(described.error);
        described.error.dispose();
        return failure;
      }
      const report = JSON.parse(ctx.getString(described.value)) as FileReport;
      described.value.dispose();
      report.imports = [...this.imported].filter(
        (name) => name !== this.file && !isRefusedImport(name),
      );
      return { ok: true, report };
    });
  }

  /**
   * Runs queued jobs until none is left. A job's own error is a rejection the action sees; an
   * error out of the queue itself is the engine stopping it: out of time (the interrupt) or out
   * of memory (a chain that grows without end).
   */
  private drainJobs(): void {
    const drained = this.rt.executePendingJobs();
    if (!drained.error) return;
    if (!this.interrupted && isOutOfMemory(this.ctx, drained.error)) this.outOfMemory = true;
    drained.error.dispose();
  }

  private failureOf(error: QuickJSHandle): { ok: false; error: string; stopped?: Stopped } {
    if (isOutOfMemory(this.ctx, error))
      return { ok: false, error: 'out of memory', stopped: 'memory' };
    return { ok: false, error: describeEngineError(this.ctx, error) };
  }

  /** Runs engine work under a deadline; `charge` takes the time used from a call's budget. */
  private enter<T>(
    remainingMs: number,
    work: (charge: (call: { remainingMs: number }) => void) => T,
  ): T {
    const started = performance.now();
    this.deadline = Date.now() + Math.max(0, remainingMs);
    this.interrupted = false;
    this.outOfMemory = false;
    this.host.engineDeadline(this.deadline);
    try {
      return work((call) => {
        call.remainingMs -= performance.now() - started;
      });
    } finally {
      this.deadline = Infinity;
      this.host.engineDeadline(0);
    }
  }

  /** Collects every call that has finished, and stops the runtime if its code overran. */
  private settle(culprit: number): CallOutcome[] {
    if (this.interrupted || this.outOfMemory) {
      this.dead = true;
      return this.pending.stopAll(culprit, this.interrupted ? 'time' : 'memory');
    }
    const outcomes = this.pending.collect();
    if (outcomes.some((outcome) => !outcome.ok && outcome.stopped === 'memory')) {
      this.dead = true;
      return [
        ...outcomes,
        ...this.pending.failAll('its action file ran out of memory and was restarted'),
      ];
    }
    // With no job queued and no hub request outstanding, nothing can ever resume a call.
    if (!this.rt.hasPendingJob() && this.pending.waitCount === 0) {
      outcomes.push(
        ...this.pending.failAll(
          'it awaits a promise that can never settle (nothing left to wait for)',
        ),
      );
    }
    return outcomes;
  }

  private onNative(
    callId: QuickJSHandle,
    op: QuickJSHandle,
    args: QuickJSHandle,
    bytes: QuickJSHandle,
  ): QuickJSHandle {
    const ctx = this.ctx;
    const id = ctx.getNumber(callId);
    const deferred = ctx.newPromise();
    if (!this.pending.get(id)) {
      const over = ctx.newError('the call is over');
      deferred.reject(over);
      over.dispose();
      return deferred.handle;
    }
    let payload: Uint8Array | undefined;
    if (ctx.typeof(bytes) === 'object') {
      const view = ctx.getArrayBuffer(bytes);
      payload = view.value.slice();
      view.dispose();
    }
    const waitId = this.host.requestApi(this, id, ctx.getString(op), ctx.getString(args), payload);
    this.pending.addWait(waitId, id, deferred);
    return deferred.handle;
  }

  private exportHandle(name: string): QuickJSHandle | null {
    let handle = this.exports.get(name);
    if (!handle) {
      handle = this.ctx.getProp(this.namespace!, name);
      if (this.ctx.typeof(handle) !== 'function') {
        handle.dispose();
        return null;
      }
      this.exports.set(name, handle);
    }
    return handle;
  }

  private applyMemory(memoryMb: number): void {
    if (memoryMb === this.memoryMb) return;
    this.memoryMb = memoryMb;
    this.rt.setMemoryLimit(memoryMb * 1024 * 1024);
  }
}
