// The desktop app: one window showing the control panel, a tray icon, and the hub running in
// this process. Kept thin on purpose: Electron cannot run on the build machines, so everything
// that matters lives in the hub (tested headless) and in Electron-free adapters under
// desktop/ (tested in Node); this file and desktop/electron-*.ts are checked by types.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  session,
  type IpcMainInvokeEvent,
} from 'electron';
import { ipcHandlers, isPanelFrame } from './desktop/ipc-handlers.js';
import {
  askStartAtLoginOnce,
  applyStartAtLogin,
  startedAtLogin,
} from './desktop/electron-login.js';
import { showDesktopNotifications } from './desktop/electron-notifications.js';
import { KeepAwake } from './desktop/electron-power.js';
import { keychainSealer } from './desktop/electron-sealer.js';
import { createTray, type TrayHandle } from './desktop/electron-tray.js';
import { PANEL_CSP, panelWindowOptions } from './desktop/window-options.js';
import { StartupError } from './hub/errors.js';
import { startHub, type Hub } from './hub/hub.js';
import { createLogger, parseLogLevel } from './hub/log.js';
import { IPC_EVENT_CHANNEL } from './shared/hub-api.js';

// Built layout: dist/main/{main.js,preload.cjs}, dist/renderer/index.html, assets/ beside dist.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const PANEL_DIR = join(here, '..', 'renderer');
const PANEL_INDEX = join(PANEL_DIR, 'index.html');
const PANEL_URL = pathToFileURL(PANEL_INDEX).href;
const ASSETS = join(here, '..', '..', 'assets');

// The contract's defaults (section 1).
const DESKTOP_OPTIONS = { host: '0.0.0.0', mqttPort: 1883, wsPort: 8083, httpPort: 8080 };

const log = createLogger(parseLogLevel(process.env.HEARTH_LOG_LEVEL));
const keepAwake = new KeepAwake();
let hub: Hub | null = null;
let win: BrowserWindow | null = null;
let tray: TrayHandle | null = null;
let quitting: Promise<void> | null = null;
let readyToExit = false;

if (!app.requestSingleInstanceLock()) {
  // Another Hearth owns the ports and the data folder; it shows its window (second-instance).
  app.exit(0);
} else {
  app.on('second-instance', () => showWindow());
  app.on('activate', () => showWindow());
  // Closing the window only hides it: the hub keeps running until "Quit Hearth".
  app.on('window-all-closed', () => {});
  app.on('before-quit', (event) => {
    if (readyToExit) return;
    event.preventDefault();
    void quitHearth();
  });
  app.on('web-contents-created', (_event, contents) => {
    contents.on('will-navigate', (navigation) => navigation.preventDefault());
    contents.on('will-attach-webview', (attach) => attach.preventDefault());
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  });
  void app.whenReady().then(start);
}

async function start(): Promise<void> {
  lockDownSession();
  try {
    hub = await startHub({
      ...DESKTOP_OPTIONS,
      dataDir: app.getPath('userData'),
      panelDir: PANEL_DIR,
      secretSealer: keychainSealer(),
      log,
    });
  } catch (error) {
    const message =
      error instanceof StartupError
        ? error.message
        : `An unexpected error stopped the hub: ${error instanceof Error ? error.message : String(error)}`;
    log.error('startup failed', { error });
    dialog.showErrorBox('Hearth could not start', message);
    readyToExit = true;
    app.exit(error instanceof StartupError ? 2 : 1);
    return;
  }
  const running = hub;
  for (const [channel, , handler] of ipcHandlers<IpcMainInvokeEvent>(running, isOwnPanel, log)) {
    ipcMain.handle(channel, handler);
  }
  tray = createTray({
    hub: running,
    iconPath: join(ASSETS, 'tray.png'),
    log,
    showWindow: () => showWindow(),
    quit: () => void quitHearth(),
  });
  running.events.onAny((event) => {
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  showDesktopNotifications({
    hub: running,
    host: DESKTOP_OPTIONS.host,
    log,
    openView: (view) => showWindow(view),
  });
  const { desktop } = await running.call('getSettings', {}, { kind: 'local' });
  applyDesktopSettings(desktop);
  running.onSettingsChanged((settings) => applyDesktopSettings(settings.desktop));
  win = createWindow(!(desktop.startHidden && startedAtLogin()));
  if (running.generatedAdminToken) await showAdminToken(running.generatedAdminToken);
  await askStartAtLoginOnce(running);
}

function applyDesktopSettings(desktop: { startAtLogin: boolean; keepAwake: boolean }): void {
  applyStartAtLogin(desktop.startAtLogin);
  keepAwake.set(desktop.keepAwake);
}

function lockDownSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [PANEL_CSP] },
    });
  });
  // The panel needs no camera, microphone, notifications or any other permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
}

function createWindow(visible: boolean): BrowserWindow {
  const window = new BrowserWindow(
    panelWindowOptions(PRELOAD, join(ASSETS, 'icons', '256x256.png')),
  );
  if (visible) window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (readyToExit || quitting) return;
    event.preventDefault();
    window.hide();
  });
  void window.loadFile(PANEL_INDEX);
  return window;
}

function isOwnPanel(event: IpcMainInvokeEvent): boolean {
  if (!win || win.isDestroyed() || event.sender !== win.webContents) return false;
  return isPanelFrame(event.senderFrame, win.webContents.mainFrame, PANEL_URL);
}

/** Shows the window, at a view (`#/strangers`) when a notification asked for one. */
function showWindow(view?: string): void {
  if (!win || win.isDestroyed()) {
    if (hub) win = createWindow(true);
    else return;
  }
  if (view) void win.loadURL(`${PANEL_URL}#/${view}`);
  if (win.isMinimized()) win.restore();
  win.show();
  win.focus();
}

async function showAdminToken(token: string): Promise<void> {
  const options = {
    type: 'info' as const,
    title: 'Hearth admin token',
    message: 'Your admin token (shown only this once)',
    detail:
      `${token}\n\nUse it to sign in to the control panel from a browser ` +
      `(http://<this computer>:${DESKTOP_OPTIONS.httpPort}/) and for scripts. Keep it somewhere ` +
      'safe: Hearth stores only its hash. Lost it? Run "npm run hub -- reset-admin-token".',
    buttons: ['Copy and close', 'Close'],
    defaultId: 0,
    cancelId: 1,
  };
  const { response } =
    win && !win.isDestroyed()
      ? await dialog.showMessageBox(win, options)
      : await dialog.showMessageBox(options);
  if (response === 0) clipboard.writeText(token);
}

/** Stops the hub (flushing its state) before the app exits; repeated calls share one stop. */
function quitHearth(): Promise<void> {
  quitting ??= (async () => {
    try {
      await hub?.stop();
    } catch (error) {
      log.error('error while stopping the hub', { error });
    } finally {
      keepAwake.set(false);
      tray?.destroy();
      readyToExit = true;
      app.quit();
    }
  })();
  return quitting;
}
