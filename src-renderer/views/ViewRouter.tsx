// Which view a route shows: the views built so far, else the catalogue's empty state.
import type { HubSession } from '../api/hub-session.js';
import { ActionsView } from './actions/ActionsView.js';
import { DevicesView } from './devices/DevicesView.js';
import { EmptyStateView } from './EmptyStateView.js';
import { OverviewView } from './OverviewView.js';
import { SettingsView } from './settings/SettingsView.js';
import { findView, type ViewId } from './view-catalogue.js';

export function ViewRouter({ route, session }: { route: ViewId; session: HubSession }) {
  switch (route) {
    case 'devices':
      return <DevicesView session={session} />;
    case 'actions':
      return <ActionsView session={session} />;
    case 'settings':
      return <SettingsView session={session} />;
    case 'overview':
      return <OverviewView session={session} />;
    default: {
      const view = findView(route);
      return view?.empty ? (
        <EmptyStateView title={view.label} empty={view.empty} />
      ) : (
        <OverviewView session={session} />
      );
    }
  }
}
