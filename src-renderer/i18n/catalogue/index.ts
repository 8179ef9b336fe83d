// The whole catalogue: every area's strings merged, one table per language. Each area has its
// own file so views can be worked on side by side; keys are prefixed with the area's name. The
// hub's own codes (warnings, activity, errors, events) have an area each, typed by those codes.
import { actionsStrings } from './actions.js';
import { alertsStrings } from './alerts.js';
import { activityStrings } from './activity.js';
import { builtInActionStrings } from './built-in-actions.js';
import { commonStrings } from './common.js';
import { devicesStrings } from './devices.js';
import { homeStrings } from './home.js';
import { hubActionErrorStrings } from './hub-action-errors.js';
import { hubActivityKindStrings, hubActivityStrings } from './hub-activity.js';
import { deviceKindWordStrings, hubEventLabelStrings, hubEventStrings } from './hub-events.js';
import { hubHttpErrorStrings } from './hub-http-errors.js';
import { hubWarningStrings } from './hub-warnings.js';
import { integrationsStrings } from './integrations.js';
import { pairingStrings } from './pairing.js';
import { sessionsStrings } from './sessions.js';
import { settingsAdvancedStrings } from './settings-advanced.js';
import { settingsFormStrings } from './settings-form.js';
import { settingsStrings } from './settings.js';
import { strangersStrings } from './strangers.js';

const areas = [
  commonStrings,
  homeStrings,
  devicesStrings,
  strangersStrings,
  actionsStrings,
  activityStrings,
  settingsStrings,
  settingsFormStrings,
  settingsAdvancedStrings,
  sessionsStrings,
  pairingStrings,
  alertsStrings,
  integrationsStrings,
  hubWarningStrings,
  hubActivityStrings,
  hubActivityKindStrings,
  hubActionErrorStrings,
  hubHttpErrorStrings,
  hubEventLabelStrings,
  hubEventStrings,
  deviceKindWordStrings,
  builtInActionStrings,
] as const;

export const english = Object.assign(
  {},
  ...areas.map((area) => area.en),
) as typeof commonStrings.en &
  typeof homeStrings.en &
  typeof devicesStrings.en &
  typeof strangersStrings.en &
  typeof actionsStrings.en &
  typeof activityStrings.en &
  typeof settingsStrings.en &
  typeof settingsFormStrings.en &
  typeof settingsAdvancedStrings.en &
  typeof sessionsStrings.en &
  typeof pairingStrings.en &
  typeof alertsStrings.en &
  typeof integrationsStrings.en &
  typeof hubWarningStrings.en &
  typeof hubActivityStrings.en &
  typeof hubActivityKindStrings.en &
  typeof hubActionErrorStrings.en &
  typeof hubHttpErrorStrings.en &
  typeof hubEventLabelStrings.en &
  typeof hubEventStrings.en &
  typeof deviceKindWordStrings.en &
  typeof builtInActionStrings.en;

export type StringKey = keyof typeof english;

export const chinese = Object.assign({}, ...areas.map((area) => area['zh-CN'])) as Record<
  StringKey,
  string
>;
