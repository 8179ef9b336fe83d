// The tray icon: status at a glance (tooltip and first menu line), lock all, open the panel,
// stop joining, quit (asking first). The content comes from tray-status.ts and tray-menu.ts;
// this file only puts it on screen and runs the chosen action.
import { dialog, Menu, nativeImage, Tray, type MenuItemConstructorOptions } from 'electron';
import type { Hub } from '../hub/hub.js';
import type { Logger } from '../hub/log.js';
import { QUIT_QUESTION, trayMenu, type TrayAction, type JoiningState } from './tray-menu.js';
import { trayStatus, type TrayStatus } from './tray-status.js';

const REFRESH_ON = new Set([
  'device_joined',
  'device_updated',
  'device_left',
  'device_rejected',
  'availability',
  'lock_state',
  'permit_join',
]);

export interface TrayHandle {
  destroy(): void;
}

export function createTray(options: {
  hub: Hub;
  iconPath: string;
  log: Logger;
  showWindow: () => void;
  quit: () => void;
}): TrayHandle {
  const { hub, log } = options;
  const tray = new Tray(nativeImage.createFromPath(options.iconPath));
  tray.on('click', options.showWindow);
  let status: TrayStatus = { level: 'idle', summary: 'Starting…' };
  let joining: JoiningState = { open: false, secondsLeft: 0 };
  let pending: NodeJS.Timeout | null = null;

  const render = (): void => {
    tray.setToolTip(`Hearth: ${status.summary}`);
    const template: MenuItemConstructorOptions[] = [];
    for (const item of trayMenu(status, joining)) {
      if (item.separatorBefore) template.push({ type: 'separator' });
      const action = item.action;
      template.push({
        label: item.label,
        enabled: item.enabled,
        ...(action ? { click: () => void run(action) } : {}),
      });
    }
    tray.setContextMenu(Menu.buildFromTemplate(template));
  };

  const refresh = async (): Promise<void> => {
    pending = null;
    try {
      const { devices } = await hub.call('listDevices', {}, { kind: 'local' });
      status = trayStatus(devices);
      joining = await hub.call('getPermitJoin', {}, { kind: 'local' });
    } catch (error) {
      log.debug('tray refresh failed', { error });
    }
    render();
  };
  // Many events arrive together (a lock-all): one refresh for them all.
  const soon = (): void => {
    pending ??= setTimeout(() => void refresh(), 250);
  };
  const stopListening = hub.events.onAny((event) => {
    if (REFRESH_ON.has(event.type)) soon();
  });
  // The joining countdown in the menu.
  const ticker = setInterval(() => {
    if (joining.open) soon();
  }, 1_000);

  async function run(action: TrayAction): Promise<void> {
    switch (action) {
      case 'open':
        options.showWindow();
        return;
      case 'lock-all': {
        const result = await hub.call('lockAll', {}, { kind: 'local' });
        tray.displayBalloon?.({ title: 'Lock all', content: result.summary });
        return;
      }
      case 'pause-joining':
        await hub.call('openPermitJoin', { seconds: 0 }, { kind: 'local' });
        return;
      case 'quit': {
        const { response } = await dialog.showMessageBox({
          type: 'question',
          ...QUIT_QUESTION,
          defaultId: 1,
          cancelId: 1,
        });
        if (response === 0) options.quit();
        return;
      }
    }
  }

  void refresh();
  return {
    destroy() {
      stopListening();
      clearInterval(ticker);
      if (pending) clearTimeout(pending);
      tray.destroy();
    },
  };
}
