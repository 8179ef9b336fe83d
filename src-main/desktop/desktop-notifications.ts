// Which hub events become desktop notifications, following the owner's desktop settings (each
// kind can be turned off). The mapping itself is shared with the phone's webhook.
import type { HubEvent } from '../shared/events.js';
import {
  notificationFor,
  warningNotification,
  type Notification,
} from '../hub/notify/notification-for.js';
import type { DesktopSettings } from '../hub/store/state-schema.js';

export type { Notification } from '../hub/notify/notification-for.js';

export function desktopNotificationFor(
  event: HubEvent,
  settings: Pick<DesktopSettings, 'notify'>,
): Notification | null {
  const notification = notificationFor(event);
  return notification && settings.notify[notification.kind] ? notification : null;
}

/** Warnings already active at start (raised before anyone listened: a recovered state file). */
export function notificationsForActiveWarnings(
  warnings: ReadonlyArray<{ code: string; message: string }>,
  settings: Pick<DesktopSettings, 'notify'>,
): Notification[] {
  return warnings
    .map((warning) => warningNotification(warning.code, warning.message))
    .filter((n): n is Notification => n !== null && n.kind === 'stateRecovered')
    .filter((n) => settings.notify[n.kind]);
}
