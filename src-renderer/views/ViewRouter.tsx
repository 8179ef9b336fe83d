// Which view a route shows.
import type { HubSession } from '../api/hub-session.js';
import type { LiveEventLog } from '../hooks/live-event-log.js';
import { ActionsView } from './actions/ActionsView.js';
import { ActivityView } from './activity/ActivityView.js';
import { DevicesView } from './devices/DevicesView.js';
import { HomeView } from './home/HomeView.js';
import { SettingsView } from './settings/SettingsView.js';
import { StrangersView } from './strangers/StrangersView.js';
import type { ViewId } from './view-catalogue.js';

interface ViewRouterProps {
  route: ViewId;
  session: HubSession;
  /** The live event feed since the panel opened (the Activity view's first tab). */
  liveEvents: LiveEventLog;
}

export function ViewRouter({ route, session, liveEvents }: ViewRouterProps) {
  switch (route) {
    case 'devices':
      return <DevicesView session={session} />;
    case 'strangers':
      return <StrangersView session={session} />;
    case 'actions':
      return <ActionsView session={session} />;
    case 'activity':
      return <ActivityView session={session} liveEvents={liveEvents} />;
    case 'settings':
      return <SettingsView session={session} />;
    case 'home':
    default:
      return <HomeView session={session} />;
  }
}
