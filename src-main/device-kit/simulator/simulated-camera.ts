// A door camera in software: sends a freshly drawn PNG (with the time on it) as a stranger
// picture on demand or every few seconds.
import type { HearthDevice } from '../hearth-device.js';
import { makeSnapshot } from './snapshot.js';

export interface SimulatedCameraOptions {
  /** Send a picture this often; null: only when snap() is called. */
  everySeconds: number | null;
}

export class SimulatedCamera {
  private frame = 0;
  private timer: NodeJS.Timeout | null = null;

  constructor(
    private readonly device: HearthDevice,
    private readonly options: SimulatedCameraOptions,
    private readonly say: (line: string) => void,
  ) {}

  start(): void {
    if (this.options.everySeconds !== null) {
      this.timer = setInterval(() => void this.snap(), this.options.everySeconds * 1_000);
    }
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  /** Takes and sends one picture; says why not when the device is not online yet. */
  async snap(): Promise<boolean> {
    if (this.device.phase !== 'online') {
      this.say(`Not connected yet (${this.device.phase}): no picture sent.`);
      return false;
    }
    this.frame += 1;
    const picture = makeSnapshot(new Date(), this.frame);
    try {
      await this.device.sendPicture(picture);
    } catch (error) {
      this.say(`Could not send picture #${this.frame}: ${(error as Error).message}`);
      return false;
    }
    this.say(`Sent picture #${this.frame} (PNG, ${picture.length} bytes).`);
    return true;
  }
}
