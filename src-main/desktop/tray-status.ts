// The tray's status at a glance, from the device list: the worst thing about the locks first
// (jammed, then unlocked, then offline or unknown), else "all locked". Electron-free, so it is
// tested in plain Node; main.ts turns it into the tray's tooltip, icon and first menu line.
import type { DeviceView } from '../shared/devices.js';

export type TrayLevel = 'idle' | 'ok' | 'attention' | 'alarm';

export interface TrayStatus {
  level: TrayLevel;
  /** One line, e.g. "Back door jammed", "2 of 3 locks locked; Garage unlocked". */
  summary: string;
}

type Trouble = 'jammed' | 'unlocked' | 'offline' | 'unknown';
const ORDER: Trouble[] = ['jammed', 'unlocked', 'offline', 'unknown'];

function troubleOf(lock: DeviceView): Trouble | null {
  if (lock.availability === 'offline') return 'offline';
  if (lock.state === 'jammed') return 'jammed';
  if (lock.state === 'locked') return null;
  if (lock.state === 'unlocked' || lock.state === 'unlocking' || lock.state === 'locking') {
    return 'unlocked';
  }
  return 'unknown';
}

const WORDS: Record<Trouble, string> = {
  jammed: 'jammed',
  unlocked: 'not locked',
  offline: 'offline',
  unknown: 'state unknown',
};

export function trayStatus(devices: readonly DeviceView[]): TrayStatus {
  const locks = devices.filter((d) => d.kind === 'lock' && d.status === 'approved');
  if (locks.length === 0) return { level: 'idle', summary: 'No locks yet' };
  const troubled = locks
    .map((lock) => ({ lock, trouble: troubleOf(lock) }))
    .filter((entry): entry is { lock: DeviceView; trouble: Trouble } => entry.trouble !== null)
    .sort((a, b) => ORDER.indexOf(a.trouble) - ORDER.indexOf(b.trouble));
  if (troubled.length === 0) {
    return {
      level: 'ok',
      summary: locks.length === 1 ? `${locks[0]!.name} locked` : `All ${locks.length} locks locked`,
    };
  }
  const [worst] = troubled;
  const first = `${worst!.lock.name} ${WORDS[worst!.trouble]}`;
  const more = troubled.length > 1 ? ` and ${troubled.length - 1} more` : '';
  const locked = locks.length - troubled.length;
  return {
    level: worst!.trouble === 'jammed' ? 'alarm' : 'attention',
    summary: `${locked} of ${locks.length} locked; ${first}${more}`,
  };
}
