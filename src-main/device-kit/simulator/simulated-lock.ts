// A door lock in software: obeys LOCK / UNLOCK / OPEN on its set topic with a motor that takes
// a moment (LOCKING → LOCKED, UNLOCKING → UNLOCKED), can be told to jam, and drains its battery.
import type { HearthDevice } from '../hearth-device.js';

export type LockWord = 'LOCKED' | 'UNLOCKED' | 'LOCKING' | 'UNLOCKING' | 'JAMMED';

export interface SimulatedLockOptions {
  motorMs: number;
  jam: boolean;
  battery: number;
  /** Percent lost per motor run. */
  drainPerMove?: number;
  /** One percent lost per this much idle time. */
  idleDrainMs?: number;
}

const LOW_BATTERY = 15;

export class SimulatedLock {
  private state: LockWord = 'LOCKED';
  private battery: number;
  private motor: NodeJS.Timeout | null = null;
  private drain: NodeJS.Timeout | null = null;
  private readonly onCommand = (command: string): void => this.obey(command);

  constructor(
    private readonly device: HearthDevice,
    private readonly options: SimulatedLockOptions,
    private readonly say: (line: string) => void,
  ) {
    this.battery = options.battery;
  }

  get current(): { state: LockWord; battery: number } {
    return { state: this.state, battery: Math.round(this.battery) };
  }

  start(): void {
    this.device.on('command', this.onCommand);
    this.drain = setInterval(() => this.idleDrain(), this.options.idleDrainMs ?? 600_000);
    this.drain.unref();
    this.report(this.state);
  }

  stop(): void {
    this.device.off('command', this.onCommand);
    if (this.motor) clearTimeout(this.motor);
    if (this.drain) clearInterval(this.drain);
    this.motor = null;
    this.drain = null;
  }

  private obey(command: string): void {
    if (command !== 'LOCK' && command !== 'UNLOCK' && command !== 'OPEN') {
      this.say(`Ignored command ${JSON.stringify(command)} (a lock knows LOCK, UNLOCK and OPEN).`);
      return;
    }
    const target: LockWord = command === 'LOCK' ? 'LOCKED' : 'UNLOCKED';
    this.say(`Command ${command} from the hub.`);
    // Already there and not moving: the hub still waits for the lock's word.
    if (this.state === target && !this.motor && command !== 'OPEN') {
      this.say(`Already ${target}.`);
      this.report(target);
      return;
    }
    // A newer command wins over one still moving the bolt.
    if (this.motor) clearTimeout(this.motor);
    this.report(target === 'LOCKED' ? 'LOCKING' : 'UNLOCKING');
    this.motor = setTimeout(() => {
      this.motor = null;
      this.useBattery(this.options.drainPerMove ?? 0.5);
      if (this.options.jam || this.battery <= 0) {
        this.say(this.battery <= 0 ? 'The battery is flat: the motor stalls.' : 'The bolt jammed.');
        this.report('JAMMED');
        return;
      }
      if (command === 'OPEN') this.say('Latch released: the door can be pushed open.');
      this.report(target);
    }, this.options.motorMs);
  }

  private report(state: LockWord): void {
    this.state = state;
    const battery = Math.round(this.battery);
    this.say(`State ${state}, battery ${battery}%.`);
    this.device.reportState(state, { battery }).catch((error: unknown) => {
      this.say(`Could not report ${state}: ${(error as Error).message}`);
    });
  }

  // The motor's own use is reported with the state it ends in.
  private useBattery(percent: number): void {
    const before = this.battery;
    this.battery = Math.max(0, this.battery - percent);
    if (before > LOW_BATTERY && this.battery <= LOW_BATTERY) {
      this.say(`Battery low (${Math.round(this.battery)}%).`);
    }
  }

  // Standing still drains too; the hub hears when the whole-number level changes.
  private idleDrain(): void {
    const before = Math.round(this.battery);
    this.useBattery(1);
    if (Math.round(this.battery) !== before && !this.motor) this.report(this.state);
  }
}
