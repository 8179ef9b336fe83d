// Keeps the computer from sleeping while the hub runs (desktop setting `keepAwake`, on by
// default): a sleeping PC leaves the door unattended. The display may still sleep.
import { powerSaveBlocker } from 'electron';

export class KeepAwake {
  private blocker: number | null = null;

  set(on: boolean): void {
    if (on && this.blocker === null) {
      this.blocker = powerSaveBlocker.start('prevent-app-suspension');
    } else if (!on && this.blocker !== null) {
      powerSaveBlocker.stop(this.blocker);
      this.blocker = null;
    }
  }
}
