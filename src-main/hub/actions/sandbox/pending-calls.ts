// The calls one file's runtime is working on, and the hub requests they await. A call's result
// is a reply text, null, or a promise in the engine; `collect` turns the finished ones into
// outcomes and keeps the rest, each with what is left of its time budget.
import type {
  QuickJSContext,
  QuickJSDeferredPromise,
  QuickJSHandle,
} from 'quickjs-emscripten-core';
import { describeEngineError, isOutOfMemory } from './engine-errors.js';

export type Stopped = 'time' | 'memory';

type EngineResult = ReturnType<QuickJSContext['callFunction']>;

export type CallOutcome =
  | { callId: number; ok: true; reply: string | null }
  | { callId: number; ok: false; error: string; stopped?: Stopped };

export interface RunningCall {
  readonly callId: number;
  remainingMs: number;
  result: EngineResult | null;
}

interface Wait {
  callId: number;
  deferred: QuickJSDeferredPromise;
}

export class PendingCalls {
  private readonly calls = new Map<number, RunningCall>();
  private readonly waits = new Map<number, Wait>();
  /** The budget of the latest call: work no live call owns (a late continuation) gets it. */
  lastBudgetMs = 1000;

  constructor(private readonly ctx: QuickJSContext) {}

  get size(): number {
    return this.calls.size;
  }

  get waitCount(): number {
    return this.waits.size;
  }

  start(callId: number, budgetMs: number): RunningCall {
    this.lastBudgetMs = budgetMs;
    const call: RunningCall = { callId, remainingMs: budgetMs, result: null };
    this.calls.set(callId, call);
    return call;
  }

  get(callId: number): RunningCall | undefined {
    return this.calls.get(callId);
  }

  attach(call: RunningCall, result: EngineResult): void {
    call.result = result;
  }

  forget(callId: number): void {
    const call = this.calls.get(callId);
    this.calls.delete(callId);
    if (call) release(call);
  }

  addWait(waitId: number, callId: number, deferred: QuickJSDeferredPromise): void {
    this.waits.set(waitId, { callId, deferred });
  }

  takeWait(waitId: number): Wait | undefined {
    const wait = this.waits.get(waitId);
    this.waits.delete(waitId);
    return wait;
  }

  /** The outcomes of every call that has finished; the unfinished stay. */
  collect(): CallOutcome[] {
    const outcomes: CallOutcome[] = [];
    for (const call of this.calls.values()) {
      const outcome = this.outcomeOf(call);
      if (!outcome) continue;
      outcomes.push(outcome);
      this.forget(call.callId);
    }
    return outcomes;
  }

  /** Code run for `culprit` overran a limit: every call here ends; the runtime is dropped. */
  stopAll(culprit: number, stopped: Stopped): CallOutcome[] {
    const outcomes = [...this.calls.keys()].map((callId): CallOutcome =>
      callId === culprit
        ? { callId, ok: false, error: 'stopped', stopped }
        : {
            callId,
            ok: false,
            error: `its action file was restarted because another of its calls ran out of ${stopped}`,
          },
    );
    this.disposeCalls();
    return outcomes;
  }

  failAll(error: string): CallOutcome[] {
    const outcomes = [...this.calls.keys()].map((callId): CallOutcome => ({
      callId,
      ok: false,
      error,
    }));
    this.disposeCalls();
    return outcomes;
  }

  disposeAll(): void {
    this.disposeCalls();
    for (const wait of this.waits.values()) wait.deferred.dispose();
    this.waits.clear();
  }

  private disposeCalls(): void {
    for (const call of this.calls.values()) release(call);
    this.calls.clear();
  }

  private outcomeOf(call: RunningCall): CallOutcome | null {
    const { ctx } = this;
    const { callId, result } = call;
    if (!result) return null;
    if (result.error) return this.failure(callId, result.error);
    const value = result.value;
    const type = ctx.typeof(value);
    if (type === 'string') return { callId, ok: true, reply: ctx.getString(value) };
    if (type !== 'object') return { callId, ok: true, reply: null };
    const state = ctx.getPromiseState(value);
    if (state.type === 'pending') return null;
    if (state.type === 'rejected') {
      const outcome = this.failure(callId, state.error);
      state.error.dispose();
      return outcome;
    }
    if (state.notAPromise) return { callId, ok: true, reply: null };
    const settled = state.value;
    const reply = ctx.typeof(settled) === 'string' ? ctx.getString(settled) : null;
    settled.dispose();
    return { callId, ok: true, reply };
  }

  private failure(callId: number, error: QuickJSHandle): CallOutcome {
    if (isOutOfMemory(this.ctx, error)) {
      return { callId, ok: false, error: 'out of memory', stopped: 'memory' };
    }
    return { callId, ok: false, error: describeEngineError(this.ctx, error) };
  }
}

function release(call: RunningCall): void {
  const handle = call.result?.error ?? call.result?.value;
  if (handle?.alive) handle.dispose();
  call.result = null;
}
