// Where the hub's HTTP side is, for what the panel loads by URL (stranger pictures, their share
// links). In a browser the page comes from the hub itself; the Electron window is a file://
// page, so the desktop session sets the hub's loopback address once it knows the HTTP port.
let desktopOrigin: string | null = null;

export function setDesktopHubOrigin(httpPort: number): void {
  desktopOrigin = `http://127.0.0.1:${httpPort}`;
}

export function hubOrigin(): string {
  const origin = window.location.origin;
  if (origin.startsWith('http')) return origin;
  return desktopOrigin ?? 'http://127.0.0.1:8080';
}
