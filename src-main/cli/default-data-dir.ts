// The folder the desktop app uses for its data (Electron's userData for productName "Hearth"),
// so the headless hub and the desktop app share one hub by default.
import { homedir } from 'node:os';
import { join } from 'node:path';

export function defaultDataDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32')
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hearth');
  if (platform === 'darwin') return join(homedir(), 'Library', 'Application Support', 'Hearth');
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Hearth');
}
