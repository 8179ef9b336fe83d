// The composition root: builds every service, starts them in order, stops them in reverse
// (as zigbee2mqtt's controller). Nothing here imports Electron: the same hub runs headless
// (`npm run hub`) and inside the desktop app.
import { ActionDispatcher } from './actions/dispatcher.js';
import { buildActionTable } from './actions/build-action-table.js';
import { actionFileOperations } from './actions/files/action-file-operations.js';
import { actionFileHandlers } from './operations/action-file-handlers.js';
import { ActivityLog } from './activity/activity-log.js';
import { recordEventsInActivity } from './activity/record-events.js';
import { createHubAccess } from './access/hub-access.js';
import { IntegrationAccounts } from './access/integration-accounts.js';
import { ensureAdminToken } from './admin-token.js';
import { createApp } from './api/app.js';
import { listenApi } from './api/listen-api.js';
import { PairingCodes } from './auth/pairing.js';
import { pairingLinks } from './auth/pairing-uri.js';
import { expireSessionsHourly } from './auth/session-lifetime.js';
import { TokenStore } from './auth/token-store.js';
import { EventStreams } from './api/event-stream.js';
import { tokenHandlers } from './operations/token-handlers.js';
import { startBrokerSync } from './broker-config/broker-sync.js';
import { startBridges } from './bridges/start-bridges.js';
import { watchBrokerConnection } from './broker/broker-watch.js';
import type { HubBroker } from './broker/hub-broker.js';
import { startHubBroker } from './broker/start-hub-broker.js';
import { listenToDeviceReports } from './devices/device-reports.js';
import { DeviceRegistry } from './devices/device-registry.js';
import { PermitJoin } from './devices/permit-join.js';
import { createMdnsSwitch, type MdnsSwitch } from './discovery/mdns-switch.js';
import { EventBus } from './events.js';
import { createHubCaller } from './hub-caller.js';
import type { Hub, HubOptions } from './hub-types.js';
import { startOwnerAlerts } from './notify/owner-alerts.js';
import { coreHandlers } from './operations/core-handlers.js';
import { deviceHandlers } from './operations/device-handlers.js';
import { settingsHandlers } from './operations/settings-handlers.js';
import { SettingsService } from './settings/settings-service.js';
import { guardFirstStart } from './store/first-start.js';
import { StateStore } from './store/state-store.js';
import { loadOrCreateHubCertificate } from './tls/hub-certificate.js';
import { AuditLog } from './locks/audit-log.js';
import { LockService } from './locks/lock-service.js';
import { lockHandlers } from './operations/lock-handlers.js';
import { strangerHandlers } from './operations/stranger-handlers.js';
import { listenForPictures } from './strangers/mqtt-intake.js';
import { strangerRoutes } from './strangers/stranger-routes.js';
import { StrangerService } from './strangers/stranger-service.js';
import { HUB_VERSION } from './version.js';
import { Warnings } from './warnings.js';
import { whoResolver } from './who-of.js';
import type { HubInfo } from '../shared/hub-api.js';

export { HUB_WAS_AWAY } from './notify/owner-alerts.js';
export type { Hub, HubOptions } from './hub-types.js';

export async function startHub(options: HubOptions): Promise<Hub> {
  const { log } = options;
  const startedAt = Date.now();
  const stops: Array<() => Promise<void> | void> = [];
  const stopAll = async (): Promise<void> => {
    for (const stop of stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        log.error('error while stopping', { error });
      }
    }
  };

  // Taken before anything is written: a failed first start leaves the folder as it found it.
  const firstStart = guardFirstStart(options.dataDir);
  try {
    const events = new EventBus((error) => log.error('an event listener failed', { error }));
    const warnings = new Warnings(events, log.child('warnings'));
    // Opening the store checks the data folder and takes its lock (one hub per folder).
    const store = StateStore.open({
      dataDir: options.dataDir,
      log: log.child('store'),
      onWarning: (code, _message, params) => warnings.raise(code, params),
      onWarningCleared: (code) => warnings.clear(code),
    });
    stops.push(() => store.close());
    const retentionDays = (): number => store.state.settings.history.retentionDays;
    const activity = new ActivityLog(options.dataDir, log.child('activity'), retentionDays);
    stops.push(() => activity.stop());
    stops.push(recordEventsInActivity(events, activity));
    const audit = new AuditLog(options.dataDir, log.child('audit'), retentionDays);
    stops.push(() => audit.stop());
    const generatedAdminToken = ensureAdminToken(store, options.adminToken);
    // Set once the broker runs; a revoked token's MQTT sessions and SSE streams close at once.
    let broker: HubBroker | null = null;
    const streams = new EventStreams(events, (id) => tokens.seen(id));
    const tokens = new TokenStore(store, (id) => {
      streams.closeFor(id);
      broker?.disconnectWhere((who) => who.kind === 'token' && who.tokenId === id);
    });
    stops.push(expireSessionsHourly(tokens));
    const pairing = new PairingCodes();
    // Names are read when something happens (a phone's, a device's), so entries keep them.
    const whoOf = whoResolver({
      token: (id) => tokens.list().find((token) => token.id === id)?.name,
      device: (id) => registry.find(id)?.name,
      integration: (id) => integrations.list().find((account) => account.id === id)?.name,
    });

    // The broker and the registry need each other (rules read the registry; the registry
    // closes connections): `broker` is set before any client connects.
    const integrations = new IntegrationAccounts(store, (id: string) =>
      broker?.disconnectWhere((who) => who.kind === 'integration' && who.integrationId === id),
    );
    const registry = new DeviceRegistry({
      store,
      events,
      publish: (topic, payload, publishOptions) =>
        broker ? broker.publish(topic, payload, publishOptions) : Promise.resolve(),
      kick: (id) => broker?.disconnectClient(id),
      integration: (id) => integrations.view(id),
      log: log.child('devices'),
    });

    const mqttsPort = options.mqttsPort ?? null;
    const httpsPort = options.httpsPort ?? null;
    const certificate =
      mqttsPort === null && httpsPort === null
        ? null
        : await loadOrCreateHubCertificate(
            options.dataDir,
            (code, _message, params) => warnings.raise(code, params),
            options.secretSealer,
          );
    broker = await startHubBroker({
      external: options.externalBroker,
      host: options.host,
      mqttPort: options.mqttPort,
      wsPort: options.wsPort,
      mqttsPort,
      tls: certificate,
      limits: store.state.settings.broker,
      access: () =>
        createHubAccess({
          tokens,
          directory: registry,
          isConnected: (clientId) => broker?.isConnected(clientId) ?? false,
          activity,
          whoOf,
          log: log.child('access'),
        }),
      directory: registry,
      identity: { hubId: store.state.hubId, name: store.state.name, version: HUB_VERSION },
      log: log.child('broker'),
    });
    const mqtt = broker;
    stops.push(() => mqtt.stop());
    stops.push(watchBrokerConnection(mqtt, warnings, events, () => registry.publishList()));
    if (options.brokerSync) {
      const secretOf = (id: string): string | undefined => registry.unusedSecret(id);
      const syncLog = log.child('broker-sync');
      stops.push(
        startBrokerSync(options.brokerSync, {
          store,
          warnings,
          broker: mqtt,
          secretOf,
          log: syncLog,
        }),
      );
    }
    // Every event also goes out on MQTT for token clients (contract 3.3).
    stops.push(
      events.onAny((event) => {
        mqtt
          .publish(`hearth/events/${event.type}`, JSON.stringify(event), {
            qos: 0,
          })
          .catch(() => {});
      }),
    );
    stops.push(
      mqtt.onPresence(({ principal, online }) => {
        if (principal.kind !== 'device') return;
        if (principal.stage === 'approved') registry.setOnline(principal.deviceId, online);
        else registry.setWaitingConnected(principal.deviceId, online);
      }),
    );
    stops.push(listenToDeviceReports(mqtt, registry, activity));
    stops.push(() => registry.stop());
    registry.publishList();

    // Set once the HTTP port is known (the announcement carries it); settings changes reach it.
    let mdns: MdnsSwitch | null = null;
    const settings = new SettingsService(store, warnings, (limits) => mqtt.setLimits(limits));
    settings.onChange((next) => void mdns?.set(next.discovery.mdns));
    const permitJoin = new PermitJoin((view) => events.emit('permit_join', view));
    stops.push(() => permitJoin.stop());

    const nameOf = (id: string): string => registry.find(id)?.name ?? id;
    const locks = new LockService({
      registry,
      publish: (topic, payload, publishOptions) => mqtt.publish(topic, payload, publishOptions),
      broker: mqtt,
      audit,
      events,
      confirmTimeoutMs: () => store.state.settings.locks.confirmTimeoutMs,
    });
    stops.push(() => locks.stop());
    stops.push(
      startOwnerAlerts({
        events,
        locks,
        warnings,
        nameOf,
        settings: () => store.state.settings,
        awayThresholdMs: options.awayThresholdMs,
        log,
      }),
    );

    const strangers = StrangerService.open({
      dataDir: options.dataDir,
      settings: () => store.state.settings.strangers,
      cameras: registry,
      warnings,
      activity,
      onStored: (stranger) => events.emit('stranger', stranger),
      log: log.child('strangers'),
    });
    stops.push(() => strangers.stop());
    stops.push(listenForPictures(mqtt, strangers, activity, log.child('strangers')));

    const { actions, actionFiles, remoteCode } = await buildActionTable({
      dataDir: options.dataDir,
      store,
      events,
      warnings,
      activity,
      bus: mqtt,
      registry,
      permitJoin,
      locks,
      strangers,
      nameOf,
      whoOf,
      log,
    });
    stops.push(() => actionFiles.stop());
    const dispatcher = new ActionDispatcher(mqtt, actions, events, log.child('actions'), whoOf);
    dispatcher.start();
    stops.push(() => dispatcher.stop());
    stops.push(
      startBridges({
        bus: mqtt,
        registry,
        events,
        locks,
        strangers,
        settings,
        integrations,
        activity,
        external: options.externalBroker !== undefined,
        log: log.child('bridges'),
      }),
    );

    let httpPort: number | null = null;
    let httpsListenPort: number | null = null;
    const info = (): HubInfo => ({
      name: store.state.name,
      version: HUB_VERSION,
      ports: { ...mqtt.ports, http: httpPort, https: httpsListenPort },
      tlsFingerprint: certificate?.fingerprint ?? null,
      tlsSpkiPin: certificate?.spkiPin ?? null,
      broker: mqtt.description,
      brokerConnection: mqtt.connection,
      startedAt: new Date(startedAt).toISOString(),
    });
    const caller = createHubCaller({
      ...coreHandlers({
        info,
        startedAt,
        bus: mqtt,
        warnings,
        actions,
        dispatcher,
        eventStreams: () => streams.count,
      }),
      ...deviceHandlers({ registry, permitJoin, integrations }),
      ...settingsHandlers(settings, activity, options.dataDir),
      ...lockHandlers(locks, audit, nameOf, whoOf),
      ...strangerHandlers(strangers),
      ...actionFileHandlers(actionFileOperations(actions, actionFiles.files, remoteCode)),
      ...tokenHandlers({
        tokens,
        pairing,
        store,
        pairingLinks: (code) =>
          pairingLinks({
            code,
            host: options.host,
            port: httpPort,
            httpsPort: httpsListenPort,
            fingerprint: certificate?.fingerprint ?? null,
            spkiPin: certificate?.spkiPin ?? null,
          }),
        afterImport: () => {
          mqtt.setLimits(store.state.settings.broker);
          void mdns?.set(store.state.settings.discovery.mdns);
          // Every device and integration logs in again and is judged by the imported state.
          mqtt.disconnectWhere((who) => who.kind !== 'token');
          registry.publishList();
        },
      }),
    });
    const app = createApp({
      hub: caller,
      streams,
      tokens,
      log,
      version: HUB_VERSION,
      panelDir: options.panelDir,
      exportAudit: () => audit.exportLines(),
      pictureRoutes: strangerRoutes({ strangers, tokens, cameras: registry }),
      hostPolicy: {
        allowedHosts: () => store.state.settings.http.allowedHosts,
        allowedOrigins: () => store.state.settings.http.allowedOrigins,
      },
    });
    const listening = await listenApi(app, {
      host: options.host,
      httpPort: options.httpPort,
      httpsPort,
      certificate,
      limits: () => store.state.settings.http,
    });
    httpPort = listening.httpPort;
    httpsListenPort = listening.httpsPort;
    stops.push(() => listening.close());

    // Never on a loopback host: nobody on the LAN could reach it (and tests stay off the LAN).
    const announcements = createMdnsSwitch({
      announcement: () => ({
        name: store.state.name,
        hubId: store.state.hubId,
        version: HUB_VERSION,
        host: options.host,
        ports: { ...mqtt.ports, http: listening.httpPort, https: httpsListenPort },
      }),
      allowed: options.mdns ?? true,
      log: log.child('mdns'),
    });
    mdns = announcements;
    await announcements.set(store.state.settings.discovery.mdns);
    stops.push(() => announcements.stop());

    let stopping: Promise<void> | null = null;
    return {
      get info() {
        return info();
      },
      events,
      generatedAdminToken,
      dataDir: options.dataDir,
      call: (name, input, who) => caller.call(name, input, who),
      onSettingsChanged: (listener) => settings.onChange(listener),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    try {
      firstStart.rollBack();
    } catch (cleanup) {
      log.error('could not remove what the failed first start wrote', { error: cleanup });
    }
    throw error;
  }
}
