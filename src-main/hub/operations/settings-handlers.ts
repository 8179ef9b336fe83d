// Settings, the data folder and the activity history.
import { resolve } from 'node:path';
import type { OperationHandlers } from '../hub-caller.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { SettingsService } from '../settings/settings-service.js';

type SettingsHandlers = Pick<
  OperationHandlers,
  'getSettings' | 'updateSettings' | 'getDataFolder' | 'listActivity'
>;

export function settingsHandlers(
  settings: SettingsService,
  activity: ActivityLog,
  dataDir: string,
): SettingsHandlers {
  return {
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    // Absolute, so the owner can paste it into a file manager whatever --data-dir was given as.
    getDataFolder: () => ({ path: resolve(dataDir) }),
    listActivity: ({ limit, before }) => ({ entries: activity.query(limit, before) }),
  };
}
