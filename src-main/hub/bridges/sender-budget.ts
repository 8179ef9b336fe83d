// How many messages of one kind each sender may send per window (a flood of discovery configs):
// a fixed window per sender, forgotten when it is over, so memory follows active senders only.
export class SenderBudget {
  private readonly windows = new Map<string, { started: number; used: number; refused: boolean }>();

  constructor(private readonly options: { perWindow: number; windowMs: number }) {}

  /** True when the sender may send one more now. */
  take(sender: string, now = Date.now()): boolean {
    let window = this.windows.get(sender);
    if (!window || now - window.started >= this.options.windowMs) {
      if (this.windows.size > 1_000) this.forgetOld(now);
      window = { started: now, used: 0, refused: false };
      this.windows.set(sender, window);
    }
    window.used++;
    return window.used <= this.options.perWindow;
  }

  /** True only for the first refusal of a window: it is said once, not per message. */
  firstRefusal(sender: string): boolean {
    const window = this.windows.get(sender);
    if (!window || window.refused) return false;
    window.refused = true;
    return true;
  }

  private forgetOld(now: number): void {
    for (const [sender, window] of this.windows) {
      if (now - window.started >= this.options.windowMs) this.windows.delete(sender);
    }
  }
}
