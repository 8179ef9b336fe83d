// The tray menu as data: status line, open, lock all, pause joining, quit (main.ts asks before
// quitting, since that stops the hub). Electron-free so that its content is tested in Node.
import type { TrayStatus } from './tray-status.js';

export type TrayAction = 'open' | 'lock-all' | 'pause-joining' | 'quit';

export interface TrayItem {
  label: string;
  /** Absent: a line that only informs (disabled). */
  action?: TrayAction;
  enabled: boolean;
  separatorBefore?: boolean;
}

export interface JoiningState {
  open: boolean;
  secondsLeft: number;
}

export function trayMenu(status: TrayStatus, joining: JoiningState): TrayItem[] {
  const minutes = Math.floor(joining.secondsLeft / 60);
  const seconds = String(joining.secondsLeft % 60).padStart(2, '0');
  return [
    { label: status.summary, enabled: false },
    { label: 'Open Hearth', action: 'open', enabled: true, separatorBefore: true },
    {
      label: 'Lock all',
      action: 'lock-all',
      // Nothing to lock without locks; the hub answers for each lock when there are some.
      enabled: status.level !== 'idle',
    },
    joining.open
      ? {
          label: `Stop letting devices join (${minutes}:${seconds} left)`,
          action: 'pause-joining',
          enabled: true,
        }
      : { label: 'Joining is closed', enabled: false },
    { label: 'Quit Hearth…', action: 'quit', enabled: true, separatorBefore: true },
  ];
}

export const QUIT_QUESTION = {
  message: 'Quit Hearth?',
  detail:
    'Quitting stops the hub: locks can no longer be commanded from the panel or your phone, and cameras cannot send pictures until Hearth runs again. Closing the window instead keeps it running in the tray.',
  buttons: ['Quit Hearth', 'Keep running'],
};
