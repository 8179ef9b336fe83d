// `npm run hub`: the hub with no Electron (contract 1). Options -> Hub -> the ready line.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseCliOptions, USAGE, type CliOptions } from './cli/options.js';
import { runResetAdminToken } from './cli/reset-admin-token.js';
import { exitOnSignals } from './cli/shutdown.js';
import { brokerSyncChoice, externalBrokerChoice } from './cli/external-broker-choice.js';
import { runExportBrokerConfig } from './cli/export-broker-config.js';
import { StartupError } from './hub/errors.js';
import { startHub } from './hub/hub.js';
import { createLogger, heldUntilReady, parseLogLevel, type Logger } from './hub/log.js';

const panelDir = join(dirname(fileURLToPath(import.meta.url)), '..', 'renderer');

function fail(message: string): never {
  process.stderr.write(`hearth: ${message}\n`);
  process.exit(2);
}

async function run(options: CliOptions, log: Logger, onReady: () => void): Promise<void> {
  const hub = await startHub({
    dataDir: options.dataDir,
    host: options.host,
    mqttPort: options.mqttPort,
    wsPort: options.wsPort,
    mqttsPort: options.mqttsPort,
    httpsPort: options.httpsPort,
    mdns: options.mdns,
    httpPort: options.httpPort,
    adminToken: options.adminToken,
    externalBroker: externalBrokerChoice(options),
    brokerSync: brokerSyncChoice(options),
    panelDir,
    log,
  });
  exitOnSignals(() => hub.stop(), log);
  if (hub.generatedAdminToken) {
    process.stdout.write(
      `Hearth generated an admin token. It is shown only this once; keep it somewhere safe:\n` +
        `  ${hub.generatedAdminToken}\n` +
        `(Lost it? Stop the hub and run: npm run hub -- reset-admin-token --data-dir ${JSON.stringify(hub.dataDir)})\n`,
    );
  }
  const { ports } = hub.info;
  const ready = {
    pid: process.pid,
    mqtt: ports.mqtt,
    ws: ports.ws,
    http: ports.http,
    https: ports.https,
    broker: hub.info.broker,
    dataDir: hub.dataDir,
  };
  process.stdout.write(`hearth ready ${JSON.stringify(ready)}\n`);
  onReady();
  log.info(
    `panel at http://${options.host === '0.0.0.0' ? 'localhost' : options.host}:${ports.http}/`,
  );
}

async function main(): Promise<void> {
  const startupLog = heldUntilReady();
  const log = createLogger(parseLogLevel(process.env.HEARTH_LOG_LEVEL), startupLog.writer);
  // A bad packet or a broken listener must not take the front door's hub down with it.
  process.on('uncaughtException', (error) =>
    log.error('uncaught error (hub keeps running)', { error }),
  );
  process.on('unhandledRejection', (error) =>
    log.error('unhandled rejection (hub keeps running)', { error }),
  );

  let options: CliOptions;
  try {
    options = parseCliOptions(process.argv.slice(2), process.env);
  } catch (error) {
    fail((error as Error).message);
  }
  if (options.command === 'help') {
    process.stdout.write(USAGE + '\n');
    return;
  }
  try {
    if (options.command === 'reset-admin-token') {
      const { token, endedSessions } = runResetAdminToken(options.dataDir, log);
      startupLog.release();
      const signedOut =
        endedSessions === 0
          ? ''
          : `${endedSessions === 1 ? 'One browser was' : `${endedSessions} browsers were`} signed out; sign in again with the new token.\n`;
      process.stdout.write(
        `New admin token for the hub in ${options.dataDir}\n` +
          `(shown only this once; the old one no longer works):\n  ${token}\n` +
          signedOut,
      );
      return;
    }
    if (options.command === 'export-broker-config') {
      startupLog.release();
      process.stdout.write(runExportBrokerConfig(options) + '\n');
      return;
    }
    await run(options, log, () => startupLog.release());
  } catch (error) {
    startupLog.discard();
    if (error instanceof StartupError) fail(error.message);
    fail(`could not start: ${(error as Error).message}`);
  }
}

void main();
