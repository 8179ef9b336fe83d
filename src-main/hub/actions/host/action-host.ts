// The hub side of the action sandbox: starts its worker thread, sends it calls with their
// limits, answers the `hub` requests actions make, and turns the engine's stops into the
// errors docs/actions.md gives. The engine stops loops and memory floods itself; the hub only
// ends the whole worker when it dies, or when its engine stays busy well past a deadline (a
// stop the engine could not make), and then starts a new one with back-off.
import type { Logger } from '../../log.js';
import { Backoff } from './backoff.js';
import { HostCall, WALL_CEILING_MS, type CallOwner } from './host-call.js';
import type { HostApi } from './host-api.js';
import {
  HostToHubSchema,
  type ActionMessage,
  type FileReport,
  type HostToHub,
  type HubToHost,
} from './host-protocol.js';
import { startSandboxThread, type SandboxThread } from './sandbox-thread.js';

export const MAX_API_CALLS_PER_CALL = 1000;
/** The engine itself and each file's empty runtime, on top of the memory cap for action code. */
export const SANDBOX_BASE_MB = 16;
/** How far past its deadline a busy engine may be before the worker is ended from outside. */
export const STUCK_GRACE_MS = 2_000;
const WATCHDOG_EVERY_MS = 250;

export interface ActionHostOptions {
  actionsDir: string;
  /** Read at each call: a changed setting applies to the next call. */
  memoryMb: () => number;
  callTimeoutMs: () => number;
  api: HostApi;
  log: Logger;
  /** An error no call owns (code that ran on after its call ended); reported, never fatal. */
  onStrayError?: (message: string) => void;
}

type ToHost = Extract<HubToHost, { id: number }>;
type Build = (id: number, limits: { budgetMs: number; memoryMb: number }) => ToHost;

export class ActionHost {
  private thread: SandboxThread | null = null;
  private ready: Promise<void> | null = null;
  /** The current worker said it is ready. */
  private started = false;
  private readonly calls = new Map<number, HostCall>();
  private nextId = 1;
  private stopped = false;
  private readonly backoff = new Backoff();
  private watchdog: NodeJS.Timeout | null = null;
  /** The memory cap the running worker was started with. */
  private threadMemoryMb = 0;
  /** Each file's last good version: a new worker loads them again before any call. */
  private readonly loaded = new Map<string, { version: number; source: string }>();
  /** Times the worker had to be started again (it died, or was ended as stuck). */
  restarts = 0;

  constructor(private readonly options: ActionHostOptions) {}

  /** Loads a file (a new version of it) in the sandbox and lists what it exports. */
  async inspect(file: string, version: number, source: string): Promise<FileReport> {
    const owner: CallOwner = { kind: 'inspect', label: `loading ${file}` };
    const report = (await this.send(owner, (id, limits) => ({
      type: 'inspect',
      id,
      file,
      version,
      source,
      limits,
    }))) as FileReport;
    this.loaded.set(file, { version, source });
    return report;
  }

  /** The file is gone: its runtime and its memory are released. */
  unload(file: string): void {
    this.loaded.delete(file);
    this.thread?.send({ type: 'unload', file });
  }

  /** Runs one exported function with the message; resolves with the reply text (or null). */
  call(
    owner: CallOwner,
    file: string,
    version: number,
    exportName: string,
    message: ActionMessage,
  ) {
    return this.send(owner, (id, limits) => ({
      type: 'call',
      id,
      file,
      version,
      exportName,
      message,
      limits,
    })) as Promise<string | null>;
  }

  /** The worker's thread id while one runs, for figures and tests. */
  get threadId(): number | undefined {
    return this.thread?.threadId;
  }

  /** Ends the worker from outside (as the watchdog does); the next call starts a new one. */
  terminate(why: string): void {
    const thread = this.thread;
    if (!thread) return;
    this.retire(thread, why);
    thread.terminate();
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const thread = this.thread;
    this.thread = null;
    this.ready = null;
    this.started = false;
    this.stopWatchdog();
    thread?.terminate();
    this.failAll('the hub is stopping');
  }

  private async send(owner: CallOwner, build: Build): Promise<unknown> {
    if (this.stopped) throw new Error('the action sandbox is stopped');
    const limits = { budgetMs: this.options.callTimeoutMs(), memoryMb: this.options.memoryMb() };
    // The heap's ceiling is fixed when the worker starts: a new cap takes a new worker.
    if (this.thread && limits.memoryMb !== this.threadMemoryMb && this.calls.size === 0) {
      this.replace(this.thread);
    }
    // Once the worker runs, a call goes out in the same turn (no await on a settled promise).
    if (!this.thread || !this.started) await this.running();
    const id = this.nextId++;
    const call = new HostCall(id, owner, limits.budgetMs, limits.memoryMb);
    this.calls.set(id, call);
    this.thread?.send(build(id, limits));
    return call.promise;
  }

  private running(): Promise<void> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  private async spawn(): Promise<void> {
    await this.backoff.wait();
    if (this.stopped) throw new Error('the action sandbox is stopped');
    const memoryMb = this.options.memoryMb();
    const thread = await startSandboxThread(this.options.actionsDir, memoryMb + SANDBOX_BASE_MB);
    this.threadMemoryMb = memoryMb;
    if (this.stopped) {
      thread.terminate();
      throw new Error('the action sandbox is stopped');
    }
    this.thread = thread;
    await new Promise<void>((resolve, reject) => {
      thread.onMessage((raw) => {
        const parsed = HostToHubSchema.safeParse(raw);
        if (!parsed.success) {
          this.options.log.warn('the action sandbox sent a malformed message; ignored');
          return;
        }
        if (parsed.data.type === 'ready') resolve();
        else this.onMessage(thread, parsed.data);
      });
      thread.onExit((why) => {
        reject(new Error(`the action sandbox did not start: ${why}`));
        if (this.thread === thread) this.retire(thread, why);
      });
    });
    this.backoff.started();
    this.started = true;
    this.startWatchdog();
    const limits = { budgetMs: this.options.callTimeoutMs(), memoryMb };
    for (const [file, { version, source }] of this.loaded) {
      thread.send({ type: 'restore', file, version, source, limits });
    }
  }

  /** Ends a healthy worker on purpose (a new memory cap); not a crash, so no back-off. */
  private replace(thread: SandboxThread): void {
    this.thread = null;
    this.ready = null;
    this.started = false;
    this.stopWatchdog();
    thread.terminate();
    this.options.log.info(
      `the action sandbox restarts with a memory cap of ${this.options.memoryMb()} MB`,
    );
  }

  private onMessage(thread: SandboxThread, message: Exclude<HostToHub, { type: 'ready' }>): void {
    switch (message.type) {
      case 'inspected':
      case 'result': {
        const call = this.calls.get(message.id);
        if (!call) return;
        this.calls.delete(message.id);
        if (message.ok) {
          call.succeed(message.type === 'inspected' ? message.report : (message.reply ?? null));
          return;
        }
        const error = message.stopped
          ? this.stopReason(call, message.stopped)
          : (message.error ?? 'failed');
        if (message.stopped) this.options.log.warn(error);
        call.fail(new Error(error));
        return;
      }
      case 'api':
        this.answerApi(thread, message);
        return;
      case 'stray-error':
        this.options.onStrayError?.(message.error);
        return;
    }
  }

  private answerApi(thread: SandboxThread, message: Extract<HostToHub, { type: 'api' }>): void {
    const reply = (result: { ok: true; value: unknown } | { ok: false; error: string }) =>
      thread.send({ type: 'api-result', id: message.id, ...result });
    const call = this.calls.get(message.callId);
    if (!call || call.owner.kind !== 'action') {
      reply({ ok: false, error: 'the call is over' });
      return;
    }
    // Awaited hub calls stop the clock; this keeps one call from using them without end.
    if (++call.apiCalls > MAX_API_CALLS_PER_CALL) {
      reply({ ok: false, error: `at most ${MAX_API_CALLS_PER_CALL} hub calls in one action call` });
      return;
    }
    this.options.api.handle(call.owner, message.op, message.args).then(
      (value) => reply({ ok: true, value }),
      (error: unknown) =>
        reply({ ok: false, error: error instanceof Error ? error.message : String(error) }),
    );
  }

  private stopReason(call: HostCall, stopped: 'time' | 'memory'): string {
    return stopped === 'time'
      ? `${call.owner.label} ran longer than ${call.budgetMs} ms and was stopped`
      : `${call.owner.label} ran out of memory (cap ${call.memoryMb} MB) and was stopped`;
  }

  private abandon(call: HostCall, reason: string): void {
    this.calls.delete(call.id);
    this.options.log.warn(reason);
    call.fail(new Error(reason));
  }

  /**
   * The engine checks its deadline itself; this catches the one stop it could not make (a
   * worker stuck past its deadline), and any call past the wall-clock ceiling.
   */
  private startWatchdog(): void {
    this.stopWatchdog();
    this.watchdog = setInterval(() => {
      const thread = this.thread;
      const deadline = thread?.engineDeadline() ?? 0;
      if (thread && deadline > 0 && Date.now() > deadline + STUCK_GRACE_MS) {
        this.terminate(`its engine stayed busy ${STUCK_GRACE_MS} ms past a deadline`);
        return;
      }
      for (const call of this.calls.values()) {
        if (!call.overCeiling) continue;
        const reason = `${call.owner.label} did not finish within ${WALL_CEILING_MS / 1000} s and was abandoned`;
        this.abandon(call, reason);
      }
    }, WATCHDOG_EVERY_MS);
    this.watchdog.unref();
  }

  private stopWatchdog(): void {
    if (this.watchdog) clearInterval(this.watchdog);
    this.watchdog = null;
  }

  /** Detaches a worker that is gone or going: its calls fail, the next call starts a new one. */
  private retire(thread: SandboxThread, why: string): void {
    if (this.thread !== thread) return;
    this.thread = null;
    this.ready = null;
    this.started = false;
    this.stopWatchdog();
    if (!this.stopped) {
      this.restarts++;
      this.backoff.crashed();
      this.options.log.warn(`the action sandbox stopped (${why}); it restarts on the next call`);
    }
    this.failAll(`the action sandbox stopped (${why})`);
  }

  private failAll(reason: string): void {
    for (const call of this.calls.values()) call.fail(new Error(reason));
    this.calls.clear();
  }
}
