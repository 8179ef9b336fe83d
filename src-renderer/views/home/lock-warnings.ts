// Warnings Home works out from the locks themselves: a jammed lock (while it stays jammed).
// The hub's own warnings come with them: a low battery (`low_battery`, raised by the hub per
// device), a state file recovered, old-device mode on.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { Translate } from '../../i18n/translate.js';
import type { ShownWarning } from '../WarningsCard.js';

export function lockWarnings(locks: DeviceView[], t: Translate): ShownWarning[] {
  const warnings: ShownWarning[] = [];
  for (const lock of locks) {
    const at = lock.stateAt ?? lock.lastSeen ?? lock.joinedAt;
    if (lock.state.toLowerCase() === 'jammed') {
      warnings.push({ code: 'lock_jammed', text: t('home.warn.jammed', { name: lock.name }), at });
    }
  }
  return warnings;
}
