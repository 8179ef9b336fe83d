// Desktop-only choices, shown only in the Electron window (window.hub exists): start at login,
// start in the tray, keep the computer awake, and which notifications to show. They are hub
// settings (section `desktop`), saved with the others from the save bar; the desktop app
// applies them at once.
import { SettingsGroup } from './SettingsGroup.js';
import { desktopGroup } from './settings-fields.js';
import type { SettingsForm } from './use-settings-form.js';

export function DesktopCard({ form }: { form: SettingsForm }) {
  return <SettingsGroup group={desktopGroup} form={form} />;
}
