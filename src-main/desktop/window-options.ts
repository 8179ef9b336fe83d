// The panel window's options: the renderer is sandboxed, isolated from the preload, has no
// Node.js and no <webview>; window.hub (preload.cjs) is its only way to the hub. Kept apart
// from main.ts so a test can hold every window's webPreferences to this.
export const PANEL_WEB_PREFERENCES = {
  contextIsolation: true,
  sandbox: true,
  nodeIntegration: false,
  nodeIntegrationInWorker: false,
  nodeIntegrationInSubFrames: false,
  webSecurity: true,
  allowRunningInsecureContent: false,
  webviewTag: false,
  experimentalFeatures: false,
  navigateOnDragDrop: false,
  spellcheck: false,
} as const;

export function panelWindowOptions(preload: string, icon: string) {
  return {
    width: 1120,
    height: 760,
    minWidth: 360,
    minHeight: 480,
    show: false,
    title: 'Hearth',
    icon,
    autoHideMenuBar: true,
    webPreferences: { ...PANEL_WEB_PREFERENCES, preload },
  };
}

// The same policy as the panel's <meta> tag, sent as a header too (defence in depth). Images
// may also come from the hub's own HTTP port on loopback: stranger pictures, by signed link.
export const PANEL_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; " +
  "img-src 'self' data: blob: http://127.0.0.1:*; font-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'";
