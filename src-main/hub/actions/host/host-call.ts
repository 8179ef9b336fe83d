// One call in flight in the action host, with its time budget. The budget counts the time the
// action's own code runs: while it waits for the hub (a lock confirming within 5 s) the clock
// stops, so only the action's work is limited. A wall-clock ceiling still ends any call.
export type CallOwner =
  | { kind: 'inspect'; label: string }
  | { kind: 'action'; label: string; file: string; name: string };

const WALL_CEILING_MS = 60_000;

export class HostCall {
  readonly promise: Promise<unknown>;
  private settle!: { resolve: (value: unknown) => void; reject: (error: Error) => void };
  private timer: NodeJS.Timeout | null = null;
  private readonly wallTimer: NodeJS.Timeout;
  private remainingMs: number;
  private runningSince = Date.now();
  private waits = 0;
  private done = false;
  /** Hub API calls made so far (capped by the host). */
  apiCalls = 0;

  constructor(
    readonly id: number,
    readonly owner: CallOwner,
    readonly budgetMs: number,
    private readonly onOverrun: (call: HostCall) => void,
  ) {
    this.remainingMs = budgetMs;
    this.promise = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
    this.arm();
    this.wallTimer = setTimeout(() => this.onOverrun(this), WALL_CEILING_MS);
  }

  /** The action waits for the hub: stop its clock. */
  pause(): void {
    if (this.waits++ > 0 || this.done) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.remainingMs -= Date.now() - this.runningSince;
  }

  resume(): void {
    if (--this.waits > 0 || this.done) return;
    this.arm();
  }

  succeed(value: unknown): void {
    this.finish();
    this.settle.resolve(value);
  }

  fail(error: Error): void {
    this.finish();
    this.settle.reject(error);
  }

  private arm(): void {
    this.runningSince = Date.now();
    this.timer = setTimeout(() => this.onOverrun(this), Math.max(0, this.remainingMs));
  }

  private finish(): void {
    this.done = true;
    if (this.timer) clearTimeout(this.timer);
    clearTimeout(this.wallTimer);
  }
}
