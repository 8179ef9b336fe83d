// A device record as it starts: a device asking to join, or one its bridge announced.
import type { DeviceKind } from '../../shared/devices.js';
import type { BridgeMapping } from '../../shared/bridge-mapping.js';
import type { DeviceRecord } from '../store/state-schema.js';

export /** A device as it first asks to join (or is first announced by its bridge): pending. */
function newDeviceRecord(
  id: string,
  kind: DeviceKind,
  name: string,
  address: string,
  bridge: BridgeMapping | null,
): DeviceRecord {
  const now = new Date().toISOString();
  return {
    id,
    name,
    kind,
    status: 'pending',
    address,
    joinedAt: now,
    lastSeen: now,
    state: null,
    stateAt: null,
    battery: null,
    secretHash: null,
    secretUsed: false,
    brokerHash: null,
    bridge,
  };
}
