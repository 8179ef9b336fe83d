// Which broker carries the hub's MQTT: the embedded one (the default), or an external one when
// the owner gave --broker-url. Either way the rest of the hub sees a HubBroker.
import type { BrokerAccess } from './access.js';
import { EmbeddedBroker } from './embedded-broker.js';
import { ExternalBroker } from './external/external-broker.js';
import type { ExternalDirectory } from './external/external-principal.js';
import type { HubBroker } from './hub-broker.js';
import type { BrokerLimits } from './limits.js';
import type { TlsCredentials } from './tls-listener.js';
import type { Logger } from '../log.js';

/** Contract 1, `--broker-url`: the broker to use instead of the embedded one. */
export interface ExternalBrokerChoice {
  url: string;
  username?: string;
  password?: string;
  /** PEM CA certificate(s) to trust for mqtts:// and wss://. */
  ca?: Buffer;
}

export interface HubBrokerOptions {
  external: ExternalBrokerChoice | undefined;
  host: string;
  mqttPort: number | null;
  wsPort: number | null;
  mqttsPort: number | null;
  tls: TlsCredentials | null;
  limits: BrokerLimits;
  access: () => BrokerAccess;
  directory: ExternalDirectory;
  identity: { hubId: string; name: string; version: string };
  log: Logger;
}

export function startHubBroker(options: HubBrokerOptions): Promise<HubBroker> {
  if (options.external) {
    return ExternalBroker.start({
      ...options.external,
      identity: options.identity,
      directory: options.directory,
      log: options.log,
    });
  }
  return EmbeddedBroker.start({
    host: options.host,
    mqttPort: options.mqttPort,
    wsPort: options.wsPort,
    mqttsPort: options.mqttsPort,
    ...(options.tls ? { tls: options.tls } : {}),
    limits: options.limits,
    access: options.access(),
    log: options.log,
  });
}
