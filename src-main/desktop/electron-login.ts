// Start at login (desktop setting `startAtLogin`): the first run asks, the answer is kept in
// the settings, and the panel's switch changes it later. Started at login, the app opens hidden
// in the tray when `startHidden` is on.
import { app, dialog } from 'electron';
import type { Hub } from '../hub/hub.js';

export const HIDDEN_ARG = '--hidden';

export function applyStartAtLogin(on: boolean): void {
  app.setLoginItemSettings({ openAtLogin: on, args: [HIDDEN_ARG] });
}

/** True when this start came from the login item (not from the user opening the app). */
export function startedAtLogin(): boolean {
  return process.argv.includes(HIDDEN_ARG) || app.getLoginItemSettings().wasOpenedAtLogin === true;
}

export async function askStartAtLoginOnce(hub: Hub): Promise<void> {
  const { desktop } = await hub.call('getSettings', {}, { kind: 'local' });
  if (desktop.askedStartAtLogin) return;
  const { response } = await dialog.showMessageBox({
    type: 'question',
    message: 'Start Hearth when this computer starts?',
    detail:
      'Hearth answers your locks, cameras and phone only while it runs. Starting it with the computer keeps the door looked after after a restart. You can change this in Settings.',
    buttons: ['Start with the computer', 'Not now'],
    defaultId: 0,
    cancelId: 1,
  });
  await hub.call(
    'updateSettings',
    { desktop: { askedStartAtLogin: true, startAtLogin: response === 0 } },
    { kind: 'local' },
  );
}
