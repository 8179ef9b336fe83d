// Which hub events deserve a person's attention away from the panel, and how to say it: the
// one mapping both the phone's webhook (ntfy) and the desktop app's notifications use. Each
// has a kind (the owner turns kinds off in the desktop settings) and the panel view to open.
import type { HubEvent } from '../../shared/events.js';
import type { DesktopNotifyKind } from '../store/state-schema.js';

export interface Notification {
  kind: DesktopNotifyKind;
  title: string;
  message: string;
  priority: 'default' | 'high' | 'urgent';
  /** ntfy tags (emoji names). */
  tags: string;
  /** The panel view that shows what it is about (`#/<view>`). */
  view: 'home' | 'devices' | 'strangers' | 'settings';
  /** For a stranger: the sighting's id, so the picture can be shown with it. */
  strangerId?: string;
}

/** Warnings raised when the state file had to be recovered (store/state-recovery.ts). */
const STATE_RECOVERED = new Set(['state_corrupt', 'state_restored', 'state_backup_corrupt']);

export function notificationFor(event: HubEvent): Notification | null {
  const data = event.data as Record<string, unknown>;
  switch (event.type) {
    case 'device_pending': {
      const device = data.device as { id: string; name: string; address: string | null };
      return {
        kind: 'deviceWaiting',
        title: 'A device asks to join',
        message: `${device.name} (${device.id}) from ${device.address ?? 'an unknown address'} is waiting for your approval.`,
        priority: 'default',
        tags: 'electric_plug',
        view: 'devices',
      };
    }
    case 'lock_state':
      return data.state === 'jammed'
        ? {
            kind: 'jammedLock',
            title: 'Lock jammed',
            message: `${String(data.id)} reported JAMMED.`,
            priority: 'urgent',
            tags: 'lock,warning',
            view: 'home',
          }
        : null;
    case 'warning':
      return warningNotification(String(data.code), String(data.message));
    case 'stranger':
      return {
        kind: 'stranger',
        title: 'Stranger at the door',
        message: `Camera ${String(data.camera)} saw someone it does not know.`,
        priority: 'high',
        tags: 'camera',
        view: 'strangers',
        strangerId: String(data.id),
      };
    default:
      return null;
  }
}

/** Also used for warnings already active when a listener starts (a recovered state file). */
export function warningNotification(code: string, message: string): Notification | null {
  if (code === 'unlocked_too_long') {
    return {
      kind: 'unlockedTooLong',
      title: 'Door left unlocked',
      message,
      priority: 'high',
      tags: 'unlock',
      view: 'home',
    };
  }
  if (code === 'low_battery') {
    return {
      kind: 'lowBattery',
      title: 'Battery low',
      message,
      priority: 'default',
      tags: 'battery',
      view: 'devices',
    };
  }
  if (STATE_RECOVERED.has(code)) {
    return {
      kind: 'stateRecovered',
      title: 'Hearth recovered its state file',
      message,
      priority: 'high',
      tags: 'floppy_disk,warning',
      view: 'home',
    };
  }
  return null;
}
