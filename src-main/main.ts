// The desktop app: one window showing the control panel, a tray icon, and the hub running in
// this process. Kept thin on purpose: Electron cannot run on the build machines, so everything
// that matters lives in the hub (tested headless) and this file is mostly checked by types.
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  app,
  BrowserWindow,
  clipboard,
  dialog,
  ipcMain,
  Menu,
  nativeImage,
  session,
  Tray,
  type IpcMainInvokeEvent,
} from 'electron';
import { StartupError } from './hub/errors.js';
import { startHub, type Hub } from './hub/hub.js';
import { createLogger, parseLogLevel } from './hub/log.js';
import { IPC_EVENT_CHANNEL, ipcChannel, operationNames } from './shared/hub-api.js';

// Built layout: dist/main/{main.js,preload.cjs}, dist/renderer/index.html, assets/ beside dist.
const here = dirname(fileURLToPath(import.meta.url));
const PRELOAD = join(here, 'preload.cjs');
const PANEL_DIR = join(here, '..', 'renderer');
const PANEL_INDEX = join(PANEL_DIR, 'index.html');
const PANEL_URL = pathToFileURL(PANEL_INDEX).href;
const ASSETS = join(here, '..', '..', 'assets');

// The same policy as the panel's <meta> tag, sent as a header too (defence in depth).
const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data: blob:; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";

// The contract's defaults (section 1).
const DESKTOP_OPTIONS = { host: '0.0.0.0', mqttPort: 1883, wsPort: 8083, httpPort: 8080 };

/** What window.hub resolves to; mirrored by IpcResult in src-renderer/global.d.ts. */
type IpcResult =
  { ok: true; value: unknown } | { ok: false; error: { code: string; message: string } };

const log = createLogger(parseLogLevel(process.env.HEARTH_LOG_LEVEL));
let hub: Hub | null = null;
let win: BrowserWindow | null = null;
let tray: Tray | null = null;
let quitting: Promise<void> | null = null;
let readyToExit = false;

if (!app.requestSingleInstanceLock()) {
  // Another Hearth owns the ports and the data folder; it shows its window (second-instance).
  app.exit(0);
} else {
  app.on('second-instance', showWindow);
  app.on('activate', showWindow);
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
  registerIpc(hub);
  createTray();
  win = createWindow();
  hub.events.onAny((event) => {
    if (win && !win.isDestroyed()) win.webContents.send(IPC_EVENT_CHANNEL, event);
  });
  if (hub.generatedAdminToken) await showAdminToken(hub.generatedAdminToken);
}

function lockDownSession(): void {
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({
      responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CSP] },
    });
  });
  // The panel needs no camera, microphone, notifications or any other permission.
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) =>
    callback(false),
  );
}

function createWindow(): BrowserWindow {
  const window = new BrowserWindow({
    width: 1120,
    height: 760,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Hearth',
    icon: join(ASSETS, 'icons', '256x256.png'),
    autoHideMenuBar: true,
    webPreferences: {
      preload: PRELOAD,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  window.on('close', (event) => {
    if (readyToExit || quitting) return;
    event.preventDefault();
    window.hide();
  });
  void window.loadFile(PANEL_INDEX);
  return window;
}

function registerIpc(running: Hub): void {
  for (const name of operationNames) {
    ipcMain.handle(ipcChannel(name), async (event, input: unknown): Promise<IpcResult> => {
      if (!isOwnPanel(event)) {
        log.warn('IPC call from an unexpected frame refused', { channel: ipcChannel(name) });
        return { ok: false, error: { code: 'forbidden', message: 'Not allowed from this frame.' } };
      }
      try {
        return { ok: true, value: await running.call(name, input, { kind: 'local' }) };
      } catch (error) {
        return { ok: false, error: toErrorBody(error) };
      }
    });
  }
}

/** Only the window's own main frame, showing our own index.html, may call the hub. */
function isOwnPanel(event: IpcMainInvokeEvent): boolean {
  const frame = event.senderFrame;
  if (!win || win.isDestroyed() || !frame || event.sender !== win.webContents) return false;
  const main = win.webContents.mainFrame;
  if (frame.processId !== main.processId || frame.routingId !== main.routingId) return false;
  // Hash routes (`#/devices`) are the panel's own; anything else is another document.
  return frame.url.split('#')[0] === PANEL_URL;
}

/** The hub's errors carry a code (HubApi's error catalogue); anything else stays generic. */
function toErrorBody(error: unknown): { code: string; message: string } {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && error instanceof Error) return { code, message: error.message };
  if (error instanceof Error && error.name === 'ZodError') {
    return { code: 'invalid_input', message: 'The request does not match what the hub expects.' };
  }
  log.error('IPC call failed', { error });
  return { code: 'internal', message: 'The hub hit an unexpected error; it has been logged.' };
}

function createTray(): void {
  const image = nativeImage.createFromPath(join(ASSETS, 'tray.png'));
  tray = new Tray(image);
  tray.setToolTip('Hearth');
  tray.setContextMenu(
    Menu.buildFromTemplate([
      { label: 'Open Hearth', click: showWindow },
      { type: 'separator' },
      { label: 'Quit Hearth', click: () => void quitHearth() },
    ]),
  );
  tray.on('click', showWindow);
}

function showWindow(): void {
  if (!win || win.isDestroyed()) {
    if (hub) win = createWindow();
    return;
  }
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
      tray?.destroy();
      readyToExit = true;
      app.quit();
    }
  })();
  return quitting;
}
