// Permit-join (as Zigbee2MQTT's): while open, a device that hand_shakes is approved at once.
// Opened for at most 600 s; it closes by itself, and says so.
import type { PermitJoinView } from '../../shared/devices.js';

export const MAX_PERMIT_JOIN_SECONDS = 600;

export class PermitJoin {
  private until: number | null = null;
  private timer: NodeJS.Timeout | null = null;

  constructor(private readonly onChange: (view: PermitJoinView) => void) {}

  open(seconds: number): PermitJoinView {
    const clamped = Math.max(0, Math.min(MAX_PERMIT_JOIN_SECONDS, Math.floor(seconds)));
    if (clamped === 0) return this.close();
    this.clearTimer();
    this.until = Date.now() + clamped * 1000;
    this.timer = setTimeout(() => this.close(), clamped * 1000);
    this.timer.unref();
    const view = this.view();
    this.onChange(view);
    return view;
  }

  close(): PermitJoinView {
    // Not isOpen(): when the timer fires, the time is already up, yet the news is still due.
    const wasOpen = this.until !== null;
    this.clearTimer();
    this.until = null;
    const view = this.view();
    if (wasOpen) this.onChange(view);
    return view;
  }

  isOpen(): boolean {
    return this.until !== null && Date.now() < this.until;
  }

  view(): PermitJoinView {
    if (!this.isOpen() || this.until === null) return { open: false, secondsLeft: 0, until: null };
    return {
      open: true,
      secondsLeft: Math.ceil((this.until - Date.now()) / 1000),
      until: new Date(this.until).toISOString(),
    };
  }

  stop(): void {
    this.clearTimer();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }
}
