// The composition root: builds every service, starts them in order, stops them in reverse
// (as zigbee2mqtt's controller). Nothing here imports Electron: the same hub runs headless
// (`npm run hub`) and inside the desktop app.
import { ActionDispatcher } from './actions/dispatcher.js';
import { ActionTable } from './actions/action-table.js';
import { pingAction } from './actions/built-in/ping.js';
import { createHubAccess } from './access/hub-access.js';
import { ensureAdminToken } from './admin-token.js';
import { createApp } from './api/app.js';
import { listenHttp, type HttpListener } from './api/http-server.js';
import { createTokenVerifier } from './auth/token-verifier.js';
import { EmbeddedBroker } from './broker/embedded-broker.js';
import { EventBus } from './events.js';
import { loadOrCreateHubCertificate } from './tls/hub-certificate.js';
import { createHubCaller, type CallerIdentity } from './hub-caller.js';
import type { Logger } from './log.js';
import { createOperationHandlers } from './operations.js';
import { StateStore } from './store/state-store.js';
import { HUB_VERSION } from './version.js';
import { Warnings } from './warnings.js';
import type { HubInfo, OperationName, OperationOutput } from '../shared/hub-api.js';

export interface HubOptions {
  dataDir: string;
  host: string;
  /** null: that listener is off. 0: any free port. */
  mqttPort: number | null;
  wsPort: number | null;
  /** MQTT over TLS with the hub's own certificate; off when null or left out. */
  mqttsPort?: number | null;
  httpPort: number;
  /** A chosen admin token; without one, a first start generates one (see generatedAdminToken). */
  adminToken?: string;
  /** The built control panel, served at `/`. */
  panelDir?: string;
  log: Logger;
}

export interface Hub {
  readonly info: HubInfo;
  readonly events: EventBus;
  /** The admin token generated at this start (first start), to be shown once; else null. */
  readonly generatedAdminToken: string | null;
  readonly dataDir: string;
  call<K extends OperationName>(
    name: K,
    input: unknown,
    caller: CallerIdentity,
  ): Promise<OperationOutput<K>>;
  /** Stops everything in reverse order and flushes state; safe to call more than once. */
  stop(): Promise<void>;
}

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

  try {
    const events = new EventBus((error) => log.error('an event listener failed', { error }));
    const warnings = new Warnings(events, log.child('warnings'));
    // Opening the store checks the data folder and takes its lock (one hub per folder).
    const store = StateStore.open({
      dataDir: options.dataDir,
      log: log.child('store'),
      onWarning: (code, message) => warnings.raise(code, message),
    });
    stops.push(() => store.close());
    const generatedAdminToken = ensureAdminToken(store, options.adminToken);
    const tokens = createTokenVerifier(() => store.state.adminTokenHash);

    const mqttsPort = options.mqttsPort ?? null;
    const certificate =
      mqttsPort === null
        ? null
        : await loadOrCreateHubCertificate(options.dataDir, (code, message) =>
            warnings.raise(code, message),
          );
    const broker = await EmbeddedBroker.start({
      host: options.host,
      mqttPort: options.mqttPort,
      wsPort: options.wsPort,
      mqttsPort,
      ...(certificate ? { tls: certificate } : {}),
      limits: store.state.settings.broker,
      access: createHubAccess(tokens, log.child('access')),
      log: log.child('broker'),
    });
    stops.push(() => broker.stop());
    // Every event also goes out on MQTT for token clients (contract 3.3).
    const stopForwarding = events.onAny((event) => {
      broker
        .publish(`hearth/events/${event.type}`, JSON.stringify(event), { qos: 0 })
        .catch(() => {});
    });
    stops.push(stopForwarding);

    const actions = new ActionTable();
    actions.register(pingAction);
    const dispatcher = new ActionDispatcher(broker, actions, events, log.child('actions'));
    dispatcher.start();
    stops.push(() => dispatcher.stop());

    let httpPort: number | null = null;
    const info = (): HubInfo => ({
      name: store.state.name,
      version: HUB_VERSION,
      ports: { ...broker.ports, http: httpPort },
      tlsFingerprint: certificate?.fingerprint ?? null,
      broker: 'embedded',
      startedAt: new Date(startedAt).toISOString(),
    });
    const caller = createHubCaller(
      createOperationHandlers({ info, startedAt, bus: broker, warnings, actions, dispatcher }),
    );
    const app = createApp({
      hub: caller,
      events,
      tokens,
      log,
      version: HUB_VERSION,
      panelDir: options.panelDir,
    });
    const http: HttpListener = await listenHttp(app, options.host, options.httpPort);
    httpPort = http.port;
    stops.push(() => http.close());

    let stopping: Promise<void> | null = null;
    return {
      get info() {
        return info();
      },
      events,
      generatedAdminToken,
      dataDir: options.dataDir,
      call: (name, input, who) => caller.call(name, input, who),
      stop: () => (stopping ??= stopAll()),
    };
  } catch (error) {
    await stopAll();
    throw error;
  }
}
