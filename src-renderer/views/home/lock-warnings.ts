// Warnings Home works out from the locks themselves: a jammed lock (while it stays jammed).
// The hub's own warnings come with them: a low battery (`low_battery`, raised by the hub per
// device), a state file recovered, old-device mode on.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { Warning } from '../../hooks/use-hub-overview.js';
import type { Translate } from '../../i18n/translate.js';

export function lockWarnings(locks: DeviceView[], t: Translate): Warning[] {
  const warnings: Warning[] = [];
  for (const lock of locks) {
    const at = lock.stateAt ?? lock.lastSeen ?? lock.joinedAt;
    if (lock.state.toLowerCase() === 'jammed') {
      warnings.push({
        code: 'lock_jammed',
        message: t('home.warn.jammed', { name: lock.name }),
        at,
      });
    }
  }
  return warnings;
}
