// Settings: being built (issue 8). Until then it shows the catalogue's empty state.
import type { HubSession } from '../../api/hub-session.js';
import { EmptyStateView } from '../EmptyStateView.js';
import { findView } from '../view-catalogue.js';

export function SettingsView({ session: _session }: { session: HubSession }) {
  const view = findView('settings')!;
  return <EmptyStateView title={view.label} empty={view.empty!} />;
}
