// What can be checked of the Electron main process without the Electron binary: every window
// it opens takes the locked-down options of desktop/window-options.ts, and its only IPC
// handlers are the generated ones (tested against a real hub in ipc-handlers.test.ts).
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import {
  PANEL_CSP,
  PANEL_WEB_PREFERENCES,
  panelWindowOptions,
} from '../../src-main/desktop/window-options.js';

const electronFiles = [
  'src-main/main.ts',
  'src-main/preload.ts',
  ...readdirSync('src-main/desktop')
    .filter((name) => name.startsWith('electron-'))
    .map((name) => `src-main/desktop/${name}`),
];
const source = (file: string) => readFileSync(file, 'utf8');

test('the panel window is sandboxed, isolated, without Node.js or <webview>', () => {
  const { webPreferences } = panelWindowOptions('/app/preload.cjs', '/app/icon.png');
  assert.equal(webPreferences.preload, '/app/preload.cjs');
  assert.equal(webPreferences.contextIsolation, true);
  assert.equal(webPreferences.sandbox, true);
  assert.equal(webPreferences.nodeIntegration, false);
  assert.equal(webPreferences.nodeIntegrationInWorker, false);
  assert.equal(webPreferences.nodeIntegrationInSubFrames, false);
  assert.equal(webPreferences.webSecurity, true);
  assert.equal(webPreferences.allowRunningInsecureContent, false);
  assert.equal(webPreferences.webviewTag, false);
  assert.deepEqual(
    { ...webPreferences, preload: undefined },
    { ...PANEL_WEB_PREFERENCES, preload: undefined },
  );
});

test('every window the app opens uses those options; no other web contents are made', () => {
  const windows: string[] = [];
  for (const file of electronFiles) {
    for (const match of source(file).matchAll(/new BrowserWindow\(([^;]*?)\);/gs)) {
      windows.push(`${file}: ${match[1]!.trim()}`);
    }
    assert.doesNotMatch(source(file), /new (BrowserView|WebContentsView)\(/, file);
    assert.doesNotMatch(source(file), /webPreferences\s*:/, `${file} sets webPreferences itself`);
  }
  assert.ok(windows.length >= 1, 'the panel window is found');
  for (const window of windows) assert.match(window, /: panelWindowOptions\(/);
});

test('IPC: only the generated handlers are registered, and the preload exposes only them', () => {
  const main = source('src-main/main.ts');
  const handles = [...main.matchAll(/ipcMain\.(handle|on|once|handleOnce)\(/g)];
  assert.equal(handles.length, 1, 'one ipcMain registration, in the loop over ipcHandlers()');
  assert.match(main, /for \(const \[channel, , handler\] of ipcHandlers<IpcMainInvokeEvent>\(/);
  for (const file of electronFiles.filter((f) => f !== 'src-main/main.ts')) {
    assert.doesNotMatch(source(file), /ipcMain\./, `${file} registers IPC`);
  }
  const preload = source('src-main/preload.ts');
  assert.doesNotMatch(
    preload,
    /exposeInMainWorld\([^)]*ipcRenderer/,
    'ipcRenderer is never exposed',
  );
  assert.equal([...preload.matchAll(/exposeInMainWorld\(/g)].length, 1);
});

test('the window sends the same content security policy as the panel page declares', () => {
  const meta = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(
    source('src-renderer/index.html'),
  );
  assert.equal(meta?.[1], PANEL_CSP);
  assert.match(PANEL_CSP, /script-src 'self';/);
  assert.match(PANEL_CSP, /object-src 'none'/);
});
