// What startHub takes and what it gives back: the hub as the headless CLI, the desktop app and
// the tests see it.
import type { ExternalBrokerChoice } from './broker/start-hub-broker.js';
import type { BrokerSyncChoice } from './broker-config/broker-sync.js';
import type { EventBus } from './events.js';
import type { CallerIdentity } from './hub-caller.js';
import type { Logger } from './log.js';
import type { Settings } from './store/state-schema.js';
import type { SecretSealer } from './tls/hub-certificate.js';
import type { HubInfo, OperationName, OperationOutput } from '../shared/hub-api.js';

export interface HubOptions {
  dataDir: string;
  host: string;
  /** null: that listener is off. 0: any free port. */
  mqttPort: number | null;
  wsPort: number | null;
  /** MQTT over TLS with the hub's own certificate; off when null or left out. */
  mqttsPort?: number | null;
  /** The HTTP API (and panel) over TLS with the same certificate; off when null or left out. */
  httpsPort?: number | null;
  /** Keeps the TLS key sealed (the desktop app passes Electron's safeStorage); else a 0600 file. */
  secretSealer?: SecretSealer;
  /** How late a 1 s timer must be to count as the hub having been away (default 10 s). */
  awayThresholdMs?: number;
  httpPort: number;
  /** Contract 1 `--broker-url`: use this broker instead of the embedded one. */
  externalBroker?: ExternalBrokerChoice;
  /** `--broker-config-dir`, `--broker-dynsec`: keep the external broker's accounts in step. */
  brokerSync?: BrokerSyncChoice;
  /** A chosen admin token; without one, a first start generates one (see generatedAdminToken). */
  adminToken?: string;
  /** The built control panel, served at `/`. */
  panelDir?: string;
  /** Announce the hub on the LAN with mDNS (contract 1, `--no-mdns`); on unless false. */
  mdns?: boolean;
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
  /** Calls `listener` with the new settings after every change (the desktop app's switches). */
  onSettingsChanged(listener: (settings: Settings) => void): () => void;
  /** Stops everything in reverse order and flushes state; safe to call more than once. */
  stop(): Promise<void>;
}
