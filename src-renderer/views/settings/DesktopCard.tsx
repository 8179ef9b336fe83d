// Desktop-only choices, shown only in the Electron window (window.hub exists): start at login,
// start in the tray, keep the computer awake, and which notifications to show. They are hub
// settings (section `desktop`), saved like the others; the desktop app applies them at once.
import type { HubSession } from '../../api/hub-session.js';
import { HubSettingsCards } from './HubSettingsCards.js';
import { desktopGroup } from './settings-fields.js';

export function DesktopCard({ session }: { session: HubSession }) {
  return <HubSettingsCards session={session} groups={[desktopGroup]} />;
}
