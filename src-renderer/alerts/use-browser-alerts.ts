// Raises browser notifications for a stranger or a jammed lock while the panel is out of sight.
import { useEffect, useRef } from 'react';
import type { DeviceView } from '../../src-main/shared/devices.js';
import type { HubSession } from '../api/hub-session.js';
import { useT } from '../i18n/LanguageProvider.js';
import { alertFor, namesFrom, raise } from './browser-alerts.js';

export function useBrowserAlerts(session: HubSession, devices: DeviceView[] | null): void {
  const t = useT();
  // Read when an event arrives, so new names and a new language need no new subscription.
  const latest = useRef({ t, devices });
  useEffect(() => {
    latest.current = { t, devices };
  }, [t, devices]);
  useEffect(() => {
    if (session.mode === 'desktop') return; // the desktop app notifies from its main process
    return session.subscribe((event) => {
      const alert = alertFor(event, namesFrom(latest.current.devices), latest.current.t);
      if (alert) raise(alert);
    });
  }, [session]);
}
