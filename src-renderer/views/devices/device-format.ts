// Display helpers for the device list.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { PillTone } from '../../components/StatusPill.js';
import type { Translate } from '../../i18n/translate.js';

export function statusTone(status: DeviceView['status']): PillTone {
  return status === 'approved' ? 'ok' : status === 'pending' ? 'warn' : 'bad';
}

const knownStates = ['locked', 'unlocked', 'locking', 'unlocking', 'jammed', 'unknown'] as const;

/** A lock state in the panel's language; any other state a device reports is shown as sent. */
export function stateName(state: string, t: Translate): string {
  const known = knownStates.find((name) => name === state);
  return known ? t(`devices.stateName.${known}`) : state;
}

export function kindName(kind: DeviceView['kind'], t: Translate): string {
  return t(`devices.kindName.${kind}`);
}

export function formatBattery(battery: number | null): string {
  return battery === null ? '—' : `${battery}%`;
}

/**
 * Where a bridged device comes from, e.g. "via Home Assistant discovery · integration
 * Zigbee2MQTT · Yale YRD256"; null for Hearth's own devices. The integration is named when the
 * panel knows its name (admin), else by its id.
 */
export function bridgeOrigin(
  bridge: DeviceView['bridge'],
  integrationNames: ReadonlyMap<string, string>,
  t: Translate,
): string | null {
  if (!bridge) return null;
  const parts = [
    bridge.source === 'frigate' ? t('devices.bridge.viaFrigate') : t('devices.bridge.viaDiscovery'),
  ];
  if (bridge.integrationId !== null) {
    const name = integrationNames.get(bridge.integrationId) ?? bridge.integrationId;
    parts.push(t('devices.bridge.integration', { name }));
  }
  if (bridge.model) parts.push(bridge.model);
  return parts.join(' · ');
}
