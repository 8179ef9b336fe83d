// While the panel is open in a browser but not looked at (another tab, the phone's screen on
// another app), a stranger or a jammed lock raises a system notification, if the person allowed
// it. Browsers offer notifications on secure contexts only (HTTPS, localhost); the desktop app
// has its own, from the main process.
import type { DeviceView } from '../../src-main/shared/devices.js';
import type { HubEvent } from '../../src-main/shared/events.js';
import type { Translate } from '../i18n/translate.js';

export type AlertsAvailability = 'unsupported' | 'needs-https' | 'off' | 'on' | 'blocked';

export function alertsAvailability(): AlertsAvailability {
  if (window.hub || typeof Notification === 'undefined') return 'unsupported';
  if (!window.isSecureContext) return 'needs-https';
  if (Notification.permission === 'granted') return 'on';
  return Notification.permission === 'denied' ? 'blocked' : 'off';
}

export interface Alert {
  title: string;
  body: string;
  /** One notification per subject: a newer one replaces it instead of piling up. */
  tag: string;
}

/** What an event says as a notification, or null when it is not worth one. */
export function alertFor(
  event: HubEvent,
  nameOf: (id: string) => string,
  t: Translate,
): Alert | null {
  if (event.type === 'stranger') {
    const { camera } = (event as HubEvent<'stranger'>).data;
    return {
      title: t('alerts.stranger.title'),
      body: t('alerts.stranger.body', { camera: nameOf(camera) }),
      tag: `stranger-${camera}`,
    };
  }
  if (event.type === 'lock_state') {
    const { id, state } = (event as HubEvent<'lock_state'>).data;
    if (state !== 'jammed') return null;
    return {
      title: t('alerts.jammed.title', { lock: nameOf(id) }),
      body: t('alerts.jammed.body'),
      tag: `jammed-${id}`,
    };
  }
  return null;
}

/** Shows it when the page is out of sight and notifications are allowed; true if shown. */
export function raise(alert: Alert): boolean {
  if (alertsAvailability() !== 'on' || document.visibilityState === 'visible') return false;
  const shown = new Notification(alert.title, {
    body: alert.body,
    tag: alert.tag,
    icon: './icons/icon-192.png',
  });
  shown.onclick = () => {
    window.focus();
    shown.close();
  };
  return true;
}

export function namesFrom(devices: DeviceView[] | null): (id: string) => string {
  return (id) => devices?.find((device) => device.id === id)?.name ?? id;
}
