// HTTP Basic for cameras posting a picture (contract 3): user = the device id, password = the
// secret it was given when approved, checked against the registry's stored hash in constant time.
import { tokenMatches } from '../auth/tokens.js';
import type { CameraDirectory } from './stranger-service.js';

export type CameraAuth = { ok: true; camera: string } | { ok: false; status: 401 | 403 };

const DEVICE_ID = /^[A-Za-z0-9._-]{1,64}$/;

export function authenticateCamera(
  header: string | undefined,
  cameras: CameraDirectory,
): CameraAuth {
  const match = /^Basic\s+([A-Za-z0-9+/=]{1,400})\s*$/i.exec(header ?? '');
  if (!match) return { ok: false, status: 401 };
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 1) return { ok: false, status: 401 };
  const id = decoded.slice(0, colon);
  const secret = decoded.slice(colon + 1);
  if (!DEVICE_ID.test(id)) return { ok: false, status: 401 };
  const device = cameras.find(id);
  if (!device || !tokenMatches(secret, device.secretHash)) return { ok: false, status: 401 };
  // The secret is right but the device may not send pictures (a lock, or no longer approved).
  if (device.status !== 'approved' || device.kind !== 'camera') return { ok: false, status: 403 };
  return { ok: true, camera: id };
}
