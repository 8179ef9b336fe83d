// The signed-in frame: top bar (brand, connection, sign-out), section navigation, the view.
import { useEffect, useMemo, useRef } from 'react';
import type { HubSession } from '../api/hub-session.js';
import { useBrowserAlerts } from '../alerts/use-browser-alerts.js';
import { useHashRoute } from '../hooks/use-hash-route.js';
import { LiveEventLog } from '../hooks/live-event-log.js';
import { useUnseenStrangers } from '../hooks/use-unseen-strangers.js';
import { useT } from '../i18n/LanguageProvider.js';
import { ViewRouter } from '../views/ViewRouter.js';
import { useLiveDevices } from '../views/home/use-live-devices.js';
import { ConnectionContext } from './connection-context.js';
import { ConnectionIndicator } from './ConnectionIndicator.js';
import { NavBar } from './NavBar.js';

interface ShellProps {
  session: HubSession;
  /** Null in the desktop window, which needs no sign-in. */
  onSignOut: (() => void) | null;
}

export function Shell({ session, onSignOut }: ShellProps) {
  const t = useT();
  const route = useHashRoute();
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const unseenStrangers = useUnseenStrangers(session, route);
  const devices = useLiveDevices(session).data;
  const waitingDevices = (devices ?? []).filter((device) => device.status === 'pending').length;
  useBrowserAlerts(session, devices);
  // One feed per session, collecting from the moment the frame is shown.
  const liveEvents = useMemo(() => new LiveEventLog(session), [session]);
  useEffect(() => liveEvents.start(), [liveEvents]);

  // Moving focus to the new view tells keyboard and screen-reader users the page changed.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [route]);

  return (
    <ConnectionContext value={session.connection}>
      <div className="app">
        <header className="topbar">
          <div className="brand">
            <img src="./favicon.svg" alt="" width="28" height="28" />
            <span>{t('common.brand')}</span>
          </div>
          <ConnectionIndicator monitor={session.connection} />
          {onSignOut && (
            <button type="button" className="button button-quiet" onClick={onSignOut}>
              {t('common.signOut')}
            </button>
          )}
        </header>
        <div className="layout">
          <NavBar
            current={route}
            badges={{ strangers: unseenStrangers, devices: waitingDevices }}
          />
          <main className="content" ref={mainRef}>
            <ViewRouter route={route} session={session} liveEvents={liveEvents} />
          </main>
        </div>
      </div>
    </ConnectionContext>
  );
}
