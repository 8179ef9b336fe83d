// Settings and the activity history.
import type { OperationHandlers } from '../hub-caller.js';
import type { ActivityLog } from '../activity/activity-log.js';
import type { SettingsService } from '../settings/settings-service.js';

type SettingsHandlers = Pick<OperationHandlers, 'getSettings' | 'updateSettings' | 'listActivity'>;

export function settingsHandlers(
  settings: SettingsService,
  activity: ActivityLog,
): SettingsHandlers {
  return {
    getSettings: () => settings.get(),
    updateSettings: (patch) => settings.update(patch),
    listActivity: ({ limit, before }) => ({ entries: activity.query(limit, before) }),
  };
}
