// One call in flight in the action sandbox, as the hub tracks it. The time budget is the
// engine's to enforce (it charges only the time the action's own code runs); the hub keeps a
// wall-clock ceiling (checked by the host's watchdog, not a timer per call: calls are many and
// short), for a call that somehow never comes back, and counts the call's hub requests.
export type CallOwner =
  | { kind: 'inspect'; label: string }
  | { kind: 'action'; label: string; file: string; name: string };

export const WALL_CEILING_MS = 60_000;

export class HostCall {
  readonly promise: Promise<unknown>;
  private settle!: { resolve: (value: unknown) => void; reject: (error: Error) => void };
  readonly startedAt = Date.now();
  /** Hub API calls made so far (capped by the host). */
  apiCalls = 0;

  constructor(
    readonly id: number,
    readonly owner: CallOwner,
    readonly budgetMs: number,
    readonly memoryMb: number,
  ) {
    this.promise = new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
    });
  }

  get overCeiling(): boolean {
    return Date.now() - this.startedAt > WALL_CEILING_MS;
  }

  succeed(value: unknown): void {
    this.settle.resolve(value);
  }

  fail(error: Error): void {
    this.settle.reject(error);
  }
}
