// The hub side of the action host: starts the host process, sends it calls, holds each call to
// its time budget, and stops and restarts the host (with back-off) when a call overruns or the
// host dies. A loop, a microtask loop or a memory flood can only be stopped from outside the
// process that runs it, which is why user code never runs in the hub's own.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Logger } from '../../log.js';
import type { HostApi } from './host-api.js';
import {
  HostToHubSchema,
  type ActionMessage,
  type FileReport,
  type HostToHub,
} from './host-protocol.js';
import type { HostChannel, HostSpawner } from './host-spawner.js';
import { Backoff } from './backoff.js';
import { HostCall, type CallOwner } from './host-call.js';

export const MAX_API_CALLS_PER_CALL = 1000;

export interface ActionHostOptions {
  spawner: HostSpawner;
  script: string;
  actionsDir: string;
  /** Read at each (re)start: a changed setting applies from the next host. */
  memoryMb: () => number;
  callTimeoutMs: () => number;
  api: HostApi;
  log: Logger;
  /** An error no call owns (a timer that threw later); reported, never fatal. */
  onStrayError?: (message: string) => void;
}

export class ActionHost {
  private child: HostChannel | null = null;
  private ready: Promise<void> | null = null;
  private readonly calls = new Map<number, HostCall>();
  private nextId = 1;
  private stopped = false;
  private readonly backoff = new Backoff();
  private memoryMb = 0;
  /** Restarts so far, for figures and tests. */
  restarts = 0;

  constructor(private readonly options: ActionHostOptions) {}

  /** Imports a file in the host and lists what it exports. */
  inspect(file: string, version: number): Promise<FileReport> {
    return this.send({ kind: 'inspect', label: `loading ${path.basename(file)}` }, (id) => ({
      type: 'inspect',
      id,
      url: fileUrl(file, version),
    })) as Promise<FileReport>;
  }

  /** Runs one exported function with the message; resolves with the reply text (or null). */
  call(
    owner: CallOwner,
    file: string,
    version: number,
    exportName: string,
    message: ActionMessage,
  ) {
    return this.send(owner, (id) => ({
      type: 'call',
      id,
      url: fileUrl(file, version),
      exportName,
      message,
    })) as Promise<string | null>;
  }

  get pid(): number | undefined {
    return this.child?.pid;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    const child = this.child;
    this.child = null;
    this.ready = null;
    child?.kill();
    this.failAll('the hub is stopping');
  }

  private async send(
    owner: CallOwner,
    build: (id: number) => Parameters<HostChannel['send']>[0],
  ): Promise<unknown> {
    if (this.stopped) throw new Error('the action host is stopped');
    await this.running();
    const id = this.nextId++;
    const call = new HostCall(id, owner, this.options.callTimeoutMs(), (overrun) =>
      this.overran(overrun),
    );
    this.calls.set(id, call);
    this.child?.send(build(id));
    return call.promise;
  }

  private running(): Promise<void> {
    this.ready ??= this.spawn();
    return this.ready;
  }

  private async spawn(): Promise<void> {
    await this.backoff.wait();
    if (this.stopped) throw new Error('the action host is stopped');
    const { spawner, script, actionsDir } = this.options;
    this.memoryMb = this.options.memoryMb();
    const child = spawner({ script, actionsDir, memoryMb: this.memoryMb });
    this.child = child;
    await new Promise<void>((resolve, reject) => {
      child.onMessage((raw) => {
        const parsed = HostToHubSchema.safeParse(raw);
        if (!parsed.success) {
          this.options.log.warn('the action host sent a malformed message; ignored');
          return;
        }
        if (parsed.data.type === 'ready') resolve();
        else this.onMessage(child, parsed.data);
      });
      child.onExit((code, signal) => {
        const why = this.exitReason(child, code, signal);
        reject(new Error(`the action host did not start: ${why}`));
        this.exited(child, why);
      });
    });
    this.backoff.started();
  }

  private onMessage(child: HostChannel, message: Exclude<HostToHub, { type: 'ready' }>): void {
    switch (message.type) {
      case 'inspected':
      case 'result': {
        const call = this.calls.get(message.id);
        if (!call) return;
        this.calls.delete(message.id);
        if (!message.ok) call.fail(new Error(message.error ?? 'failed'));
        else call.succeed(message.type === 'inspected' ? message.report : (message.reply ?? null));
        return;
      }
      case 'api': {
        const call = this.calls.get(message.callId);
        if (!call || call.owner.kind !== 'action') {
          child.send({ type: 'api-result', id: message.id, ok: false, error: 'the call is over' });
          return;
        }
        // Awaited hub calls stop the clock; this keeps one call from using them without end.
        if (++call.apiCalls > MAX_API_CALLS_PER_CALL) {
          const error = `at most ${MAX_API_CALLS_PER_CALL} hub calls in one action call`;
          child.send({ type: 'api-result', id: message.id, ok: false, error });
          return;
        }
        call.pause();
        this.options.api
          .handle(call.owner, message.op, message.args)
          .then(
            (value) => child.send({ type: 'api-result', id: message.id, ok: true, value }),
            (error: unknown) =>
              child.send({
                type: 'api-result',
                id: message.id,
                ok: false,
                error: error instanceof Error ? error.message : String(error),
              }),
          )
          .finally(() => call.resume());
        return;
      }
      case 'stray-error':
        this.options.onStrayError?.(message.error);
        return;
    }
  }

  private overran(call: HostCall): void {
    this.calls.delete(call.id);
    const reason = `${call.owner.label} ran longer than ${call.budgetMs} ms and was stopped`;
    call.fail(new Error(reason));
    this.options.log.warn(reason);
    const child = this.child;
    if (child) this.retire(child, `restarted because ${reason}`);
    child?.kill();
  }

  private exited(child: HostChannel, why: string): void {
    if (this.child === child) this.retire(child, why);
  }

  /** Detaches a host that is gone or going: its calls fail, the next call starts a new one. */
  private retire(child: HostChannel, why: string): void {
    if (this.child !== child) return;
    this.child = null;
    this.ready = null;
    if (!this.stopped) {
      this.restarts++;
      this.backoff.crashed();
      this.options.log.warn(`the action host stopped (${why}); it restarts on the next call`);
    }
    this.failAll(`the action host stopped (${why})`);
  }

  private exitReason(child: HostChannel, code: number | null, signal: string | null): string {
    if (/heap out of memory|Allocation failed/i.test(child.stderrTail())) {
      return `it ran out of memory (cap ${this.memoryMb} MB)`;
    }
    const how = signal ? `signal ${signal}` : `exit code ${code}`;
    // Node prints the error's own line among a stack trace and its version: keep that line.
    const errorLine = /^\w*Error\b[^\n]*$/m.exec(child.stderrTail())?.[0]?.slice(0, 300);
    return errorLine ? `${how}: ${errorLine}` : how;
  }

  private failAll(reason: string): void {
    for (const call of this.calls.values()) call.fail(new Error(reason));
    this.calls.clear();
  }
}

function fileUrl(file: string, version: number): string {
  // A new query per version makes the host import the changed file, not its cached module.
  return `${pathToFileURL(file).href}?v=${version}`;
}
