// What a lock's switch shows: its own word, unless a command is on its way (then `locking…`
// or `unlocking…` at once, before the lock answers) or the lock is offline.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { StringKey } from '../../i18n/catalogue/index.js';

export type LockCommand = 'lock' | 'unlock';

export type ShownLockState =
  'locked' | 'unlocked' | 'locking' | 'unlocking' | 'jammed' | 'offline' | 'unknown';

const KNOWN = new Set<string>(['locked', 'unlocked', 'locking', 'unlocking', 'jammed']);

/** At or below this the lock may stop moving soon (the simulator warns at the same level). */
export const LOW_BATTERY_PERCENT = 15;

export function shownLockState(
  lock: DeviceView,
  inFlight: LockCommand | undefined,
): ShownLockState {
  if (inFlight) return inFlight === 'lock' ? 'locking' : 'unlocking';
  if (lock.availability === 'offline') return 'offline';
  const state = lock.state.toLowerCase();
  return KNOWN.has(state) ? (state as ShownLockState) : 'unknown';
}

export const stateLabel: Record<ShownLockState, StringKey> = {
  locked: 'home.state.locked',
  unlocked: 'home.state.unlocked',
  locking: 'home.state.locking',
  unlocking: 'home.state.unlocking',
  jammed: 'home.state.jammed',
  offline: 'home.state.offline',
  unknown: 'home.state.unknown',
};

/** What pressing the switch does: a locked lock unlocks; anything else is locked. */
export function nextCommand(state: ShownLockState): LockCommand {
  return state === 'locked' ? 'unlock' : 'lock';
}

export function isLowBattery(lock: DeviceView): boolean {
  return lock.battery !== null && lock.battery <= LOW_BATTERY_PERCENT;
}
