// What the MQTT access rules need to know about devices and integration accounts. The device
// registry and the integration accounts implement it; the rules only read through it, so a
// check is a map lookup (contract: O(1) per packet).
import type { TopicRight } from '../store/state-schema.js';

export interface DeviceAccessView {
  status: 'pending' | 'approved' | 'rejected';
  secretHash: string | null;
  /** Logged in with its secret at least once: from then on it must always. */
  secretUsed: boolean;
  /** Reached through a bridge: no client may ever connect under its id. */
  bridged: boolean;
}

export interface IntegrationAccessView {
  id: string;
  secretHash: string;
  rights: readonly TopicRight[];
}

export interface AccessDirectory {
  device(id: string): DeviceAccessView | undefined;
  /** Contract 2.3.6 `allow devices without secret`. */
  allowDevicesWithoutSecret(): boolean;
  /** Integration accounts log in as `integration:<id>`. */
  integration(id: string): IntegrationAccessView | undefined;
  /** A device logged in; `withSecret` marks its secret as used. */
  deviceLoggedIn(id: string, withSecret: boolean): void;
}
