// Who sent a message, on a broker Hearth does not run. Hearth cannot see who connected; the
// broker's own rules (exported by Hearth, see broker-config/) decide who may publish where, and
// the topic names the device. What that proves, by topic:
// - `state`, `availability`, `stranger`: only the device logged in with its secret may publish
//   them, so a message there is the approved device's own (and proves it has its secret).
// - `action`: a device still joining may publish there too (its hand_shake), so what the
//   message may do follows the registry: an approved device's actions, else a joining one's.
// - `hearth/action`: the broker cannot tell Hearth who sent it, so it counts for no one here
//   (contract 2.1: a device's own inbox is the only one on an external broker).
// Retained copies of `stranger` and `action` are old news replayed at each (re)subscription:
// acting on them again would store a picture twice or run an action again.
import type { Principal } from '../access.js';
import { parseDeviceTopic } from '../../devices/topics.js';

/** What the registry tells about a device, for judging where its messages came from. */
export interface ExternalDirectory {
  find(id: string): { status: 'pending' | 'approved' | 'rejected'; bridge: unknown } | undefined;
  deviceLoggedIn(id: string, withSecret: boolean): void;
}

/** Shown to the owner as where a joining device came from: the broker does not say. */
export const EXTERNAL_ADDRESS = 'external broker';

const OWN_REPORTS = new Set(['state', 'availability', 'stranger']);

export function externalPrincipal(
  topic: string,
  retained: boolean,
  directory: ExternalDirectory,
): Principal | null {
  const parsed = parseDeviceTopic(topic);
  if (!parsed) return null;
  const { id, rest } = parsed;
  if (retained && (rest === 'stranger' || rest === 'action')) return null;
  const record = directory.find(id);
  // A bridged device speaks only on its bridge's topics; nothing under hearth/ is its word.
  if (record?.bridge) return null;
  const approved = record?.status === 'approved';
  if (rest === 'action') {
    return {
      kind: 'device',
      deviceId: id,
      stage: approved ? 'approved' : 'joining',
      address: EXTERNAL_ADDRESS,
    };
  }
  if (!OWN_REPORTS.has(rest) || !approved) return null;
  // Retained state and availability are what the device said last: still its own words, but a
  // replay is no proof it holds its secret today (it may be from before a re-pair).
  if (!retained) directory.deviceLoggedIn(id, true);
  return { kind: 'device', deviceId: id, stage: 'approved', address: EXTERNAL_ADDRESS };
}
