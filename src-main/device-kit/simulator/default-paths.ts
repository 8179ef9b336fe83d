// The simulator's defaults: an id that differs per computer (two people trying Hearth on one
// network do not collide) and a secret file that survives a reboot (a lost secret means the
// owner has to re-pair the device).
import { homedir, hostname } from 'node:os';
import { join } from 'node:path';
import { toDeviceIdPart } from '../device-id.js';

export function defaultDeviceId(kind: string, host: string = hostname()): string {
  const prefix = `sim-${kind}-`;
  const part = toDeviceIdPart(host.split('.')[0] ?? '', 64 - prefix.length);
  return prefix + (part || 'local');
}

export function simulatorConfigDir(
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  if (platform === 'win32') {
    return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'Hearth Simulator');
  }
  if (platform === 'darwin') {
    return join(homedir(), 'Library', 'Application Support', 'Hearth Simulator');
  }
  return join(env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'hearth-simulator');
}

export function defaultSecretFile(
  id: string,
  platform: NodeJS.Platform = process.platform,
  env: NodeJS.ProcessEnv = process.env,
): string {
  return join(simulatorConfigDir(platform, env), `${id}.secret.json`);
}
