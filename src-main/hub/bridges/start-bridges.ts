// Devices Hearth reaches through bridges (issue 11): Home Assistant discovery announces them,
// their reports arrive on their bridge's topics; Frigate's events become stranger sightings.
// Started together, stopped together.
import type { ActivityLog } from '../activity/activity-log.js';
import type { IntegrationAccounts } from '../access/integration-accounts.js';
import type { HubBroker } from '../broker/hub-broker.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import type { LockService } from '../locks/lock-service.js';
import type { SettingsService } from '../settings/settings-service.js';
import type { StrangerService } from '../strangers/stranger-service.js';
import { startBridgedReports } from './bridged-reports.js';
import { startDiscoveryIntake } from './discovery-intake.js';
import { startFrigateIntake } from './frigate/frigate-intake.js';

export function startBridges(deps: {
  bus: HubBroker;
  registry: DeviceRegistry;
  events: EventBus;
  locks: LockService;
  strangers: StrangerService;
  settings: SettingsService;
  integrations: IntegrationAccounts;
  activity: ActivityLog;
  external: boolean;
  log: Logger;
}): () => void {
  const stops = [
    startBridgedReports(deps),
    startFrigateIntake({
      ...deps,
      settings: () => deps.settings.get().frigate,
      onSettingsChange: (listener) => deps.settings.onChange(() => listener()),
      log: deps.log.child('frigate'),
    }),
    startDiscoveryIntake({
      ...deps,
      settings: () => deps.settings.get().discovery,
      onSettingsChange: (listener) => deps.settings.onChange(listener),
      integration: (id) => deps.integrations.view(id),
      onApproved: (listener) =>
        deps.events.onAny((event) => {
          if (event.type !== 'device_joined') return;
          const joined = event.data as { device: { bridge: { source: string } | null } };
          if (joined.device.bridge?.source === 'ha-discovery') listener();
        }),
      onBrokerBack: (listener) =>
        deps.bus.onConnectionChange((connection) => {
          if (connection.state === 'connected') listener();
        }),
    }),
  ];
  return () => stops.reverse().forEach((stop) => stop());
}
