// Desktop notifications for what needs the owner (desktop-notifications.ts decides which, per
// the owner's settings); a stranger's shows the picture. Clicking one opens the matching view.
import { nativeImage, Notification } from 'electron';
import type { Hub } from '../hub/hub.js';
import type { Logger } from '../hub/log.js';
import type { DesktopSettings } from '../hub/store/state-schema.js';
import {
  desktopNotificationFor,
  notificationsForActiveWarnings,
  type Notification as HubNotification,
} from './desktop-notifications.js';
import { fetchStrangerPicture } from './stranger-picture.js';

export function showDesktopNotifications(options: {
  hub: Hub;
  host: string;
  log: Logger;
  openView: (view: string) => void;
}): () => void {
  const { hub, log } = options;
  if (!Notification.isSupported()) {
    log.info('desktop notifications are not supported here; the panel still shows everything');
    return () => {};
  }
  // Read once and followed, not fetched for every event (a lock-all alone brings thousands).
  let desktop: DesktopSettings | null = null;
  const stopFollowing = hub.onSettingsChanged((next) => {
    desktop = next.desktop;
  });

  const show = async (notification: HubNotification): Promise<void> => {
    const picture = notification.strangerId
      ? await fetchStrangerPicture(hub, notification.strangerId, options.host)
      : null;
    const shown = new Notification({
      title: notification.title,
      body: notification.message,
      urgency: notification.priority === 'urgent' ? 'critical' : 'normal',
      ...(picture ? { icon: nativeImage.createFromBuffer(picture) } : {}),
    });
    shown.on('click', () => options.openView(notification.view));
    shown.show();
  };

  void (async () => {
    desktop = (await hub.call('getSettings', {}, { kind: 'local' })).desktop;
    const status = await hub.call('getStatus', {}, { kind: 'local' });
    for (const notification of notificationsForActiveWarnings(status.warnings, desktop)) {
      await show(notification);
    }
  })().catch((error: unknown) => log.debug('start-up notifications failed', { error }));

  const stopListening = hub.events.onAny((event) => {
    const notification = desktop && desktopNotificationFor(event, desktop);
    if (notification) {
      show(notification).catch((error: unknown) => log.debug('a notification failed', { error }));
    }
  });
  return () => {
    stopListening();
    stopFollowing();
  };
}
