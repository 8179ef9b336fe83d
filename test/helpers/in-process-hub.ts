// A real hub in the test's own process: real broker on port 0, real HTTP server, real files in
// a temporary folder. For tests that need to look inside (events) without spawning.
import { withoutCredentials } from '../../src-main/hub/broker/external/external-broker.js';
import type { BrokerSyncChoice } from '../../src-main/hub/broker-config/broker-sync.js';
import type { ExternalBrokerChoice } from '../../src-main/hub/broker/start-hub-broker.js';
import { startHub, type Hub } from '../../src-main/hub/hub.js';
import { createLogger, silentLogger, type Logger } from '../../src-main/hub/log.js';
import { makeTempDir, removeDir, TEST_ADMIN_TOKEN } from './hub-process.js';

export interface TestHub {
  hub: Hub;
  dataDir: string;
  token: string;
  mqttUrl: string;
  /** null unless started with httpsPort. */
  httpsUrl: string | null;
  /** null unless started with mqttsPort. */
  mqttsUrl: string | null;
  wsUrl: string;
  httpUrl: string;
  close(): Promise<void>;
}

export async function startTestHub(
  options: {
    dataDir?: string;
    panelDir?: string;
    log?: Logger;
    mqttsPort?: number | null;
    httpsPort?: number | null;
    externalBroker?: ExternalBrokerChoice;
    brokerSync?: BrokerSyncChoice;
  } = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? makeTempDir();
  const log = options.log ?? (process.env.HEARTH_TEST_LOG ? createLogger('debug') : silentLogger);
  const hub = await startHub({
    dataDir,
    host: '127.0.0.1',
    mqttPort: 0,
    wsPort: 0,
    mqttsPort: options.mqttsPort ?? null,
    httpsPort: options.httpsPort ?? null,
    httpPort: 0,
    adminToken: TEST_ADMIN_TOKEN,
    panelDir: options.panelDir,
    ...(options.externalBroker ? { externalBroker: options.externalBroker } : {}),
    ...(options.brokerSync ? { brokerSync: options.brokerSync } : {}),
    log,
  });
  const { ports } = hub.info;
  return {
    hub,
    dataDir,
    token: TEST_ADMIN_TOKEN,
    mqttUrl: options.externalBroker
      ? withoutCredentials(options.externalBroker.url)
      : `mqtt://127.0.0.1:${ports.mqtt}`,
    mqttsUrl: ports.mqtts === null ? null : `mqtts://127.0.0.1:${ports.mqtts}`,
    wsUrl: `ws://127.0.0.1:${ports.ws}/mqtt`,
    httpUrl: `http://127.0.0.1:${ports.http}`,
    httpsUrl: ports.https === null ? null : `https://127.0.0.1:${ports.https}`,
    async close() {
      await hub.stop();
      if (!options.dataDir) removeDir(dataDir);
    },
  };
}
