// Headless options (contract 1): each from its flag, else its environment variable, else the
// default. Any bad value is one clear sentence, turned into exit code 2 by the caller.
import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { MIN_CHOSEN_TOKEN_LENGTH } from '../hub/auth/tokens.js';
import { StartupError } from '../hub/errors.js';
import { parseBrokerOptions, type BrokerCliOptions } from './broker-options.js';
import { defaultDataDir } from './default-data-dir.js';

export interface CliOptions extends BrokerCliOptions {
  command: 'run' | 'reset-admin-token' | 'export-broker-config' | 'help';
  dataDir: string;
  host: string;
  mqttPort: number;
  mqttsPort: number | null;
  wsPort: number;
  httpPort: number;
  httpsPort: number | null;
  adminToken: string | undefined;
  mdns: boolean;
}

const COMMANDS = ['reset-admin-token', 'export-broker-config'] as const;

export const USAGE = `Usage: npm run hub -- [options]
       npm run hub -- reset-admin-token [--data-dir DIR]
       npm run hub -- export-broker-config --format mosquitto-acl|mosquitto-dynsec --out DIR [--data-dir DIR]

Options (each also read from the environment variable shown):
  --data-dir DIR      HEARTH_DATA_DIR     where the hub keeps its data (default: the desktop app's folder)
  --host ADDR         HEARTH_HOST         address to listen on (default 0.0.0.0, the LAN)
  --mqtt-port N       HEARTH_MQTT_PORT    MQTT over TCP (default 1883; 0 = any free port)
  --mqtts-port N      HEARTH_MQTTS_PORT   MQTT over TLS (default off)
  --ws-port N         HEARTH_WS_PORT      MQTT over WebSocket, path /mqtt (default 8083)
  --http-port N       HEARTH_HTTP_PORT    HTTP API and control panel (default 8080)
  --https-port N      HEARTH_HTTPS_PORT   the same over TLS with the hub's own certificate (default off)
  --admin-token T     HEARTH_ADMIN_TOKEN  the admin token (default: generated at first start, shown once)
  --broker-url URL    HEARTH_BROKER_URL   use an external broker instead of the embedded one
                                          (mqtt://, mqtts://, ws://, wss://; see docs/scale.md)
  --broker-username U HEARTH_BROKER_USERNAME  Hearth's user on that broker (default: the URL's, else
                                          the account export-broker-config made)
                      HEARTH_BROKER_PASSWORD  its password (environment or URL only)
  --broker-ca FILE    HEARTH_BROKER_CA    CA certificate(s) to trust for mqtts:// and wss://
  --broker-config-dir DIR HEARTH_BROKER_CONFIG_DIR  keep that broker's password and ACL files
                                          (written by export-broker-config) in step as devices
                                          join and leave
  --broker-dynsec     HEARTH_BROKER_DYNSEC=1  keep Mosquitto's dynamic-security plugin in step
                                          instead, through its API
  --no-mdns           HEARTH_MDNS=0       do not announce the hub on the LAN with mDNS
  --help              show this text`;

export function parseCliOptions(argv: string[], env: NodeJS.ProcessEnv): CliOptions {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        'data-dir': { type: 'string' },
        host: { type: 'string' },
        'mqtt-port': { type: 'string' },
        'mqtts-port': { type: 'string' },
        'ws-port': { type: 'string' },
        'http-port': { type: 'string' },
        'https-port': { type: 'string' },
        'admin-token': { type: 'string' },
        'broker-url': { type: 'string' },
        'broker-username': { type: 'string' },
        'broker-ca': { type: 'string' },
        'broker-config-dir': { type: 'string' },
        'broker-dynsec': { type: 'boolean' },
        format: { type: 'string' },
        out: { type: 'string' },
        'no-mdns': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (error) {
    throw new StartupError(`${(error as Error).message.split('\n')[0]}; see --help`);
  }
  const { values, positionals } = parsed;
  if (values.help) return { ...defaults(), command: 'help' };
  const [command, ...rest] = positionals;
  if (
    rest.length > 0 ||
    (command !== undefined && !(COMMANDS as readonly string[]).includes(command))
  ) {
    throw new StartupError(`unknown command "${positionals.join(' ')}"; see --help`);
  }

  const pick = (flag: string, variable: string): string | undefined => {
    const value = values[flag as keyof typeof values] ?? (variable ? env[variable] : undefined);
    return typeof value === 'string' ? value : undefined;
  };
  const options: CliOptions = {
    command: (command as CliOptions['command'] | undefined) ?? 'run',
    dataDir: resolve(
      nonEmpty('--data-dir', pick('data-dir', 'HEARTH_DATA_DIR')) ?? defaultDataDir(),
    ),
    host: parseHost(pick('host', 'HEARTH_HOST') ?? '0.0.0.0'),
    mqttPort: parsePort('--mqtt-port', pick('mqtt-port', 'HEARTH_MQTT_PORT') ?? '1883'),
    mqttsPort: optionalPort('--mqtts-port', pick('mqtts-port', 'HEARTH_MQTTS_PORT')),
    wsPort: parsePort('--ws-port', pick('ws-port', 'HEARTH_WS_PORT') ?? '8083'),
    httpPort: parsePort('--http-port', pick('http-port', 'HEARTH_HTTP_PORT') ?? '8080'),
    httpsPort: optionalPort('--https-port', pick('https-port', 'HEARTH_HTTPS_PORT')),
    adminToken: parseAdminToken(pick('admin-token', 'HEARTH_ADMIN_TOKEN')),
    ...parseBrokerOptions(pick, values['broker-dynsec'] === true),
    mdns: values['no-mdns'] ? false : parseSwitch('HEARTH_MDNS', env.HEARTH_MDNS),
  };
  checkDistinctPorts(options);
  checkBrokerCommand(options);
  return options;
}

function checkBrokerCommand(options: CliOptions): void {
  const exporting = options.command === 'export-broker-config';
  if (exporting && options.out === undefined) {
    throw new StartupError('export-broker-config needs --out DIR: the folder to write into');
  }
  if (!exporting && options.out !== undefined) {
    throw new StartupError('--out is only for export-broker-config');
  }
  if (options.command === 'run' && options.brokerConfigDir && !options.brokerUrl) {
    throw new StartupError(
      '--broker-config-dir keeps an external broker in step; it needs --broker-url',
    );
  }
  if (options.command === 'run' && options.brokerDynsec && !options.brokerUrl) {
    throw new StartupError(
      '--broker-dynsec keeps an external broker in step; it needs --broker-url',
    );
  }
}

function defaults(): CliOptions {
  return {
    command: 'run',
    dataDir: defaultDataDir(),
    host: '0.0.0.0',
    mqttPort: 1883,
    mqttsPort: null,
    wsPort: 8083,
    httpPort: 8080,
    httpsPort: null,
    adminToken: undefined,
    mdns: true,
    brokerUrl: undefined,
    brokerUsername: undefined,
    brokerPassword: undefined,
    brokerCa: undefined,
    brokerConfigDir: undefined,
    brokerDynsec: false,
    format: 'mosquitto-acl',
    out: undefined,
  };
}

function nonEmpty(name: string, value: string | undefined): string | undefined {
  if (value !== undefined && value.trim() === '') throw new StartupError(`${name} is empty`);
  return value;
}

export function parsePort(name: string, value: string): number {
  if (!/^\d{1,5}$/.test(value.trim()) || Number(value) > 65535) {
    throw new StartupError(
      `${name} must be a port number from 0 to 65535 (0 = any free port), not "${value}"`,
    );
  }
  return Number(value);
}

function optionalPort(name: string, value: string | undefined): number | null {
  if (value === undefined || value === '' || value === 'off') return null;
  return parsePort(name, value);
}

function parseHost(value: string): string {
  const host = value.trim();
  const hostname =
    /^(?=.{1,253}$)[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?(\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$/;
  if (isIP(host) === 0 && !hostname.test(host)) {
    throw new StartupError(`--host must be an IP address or host name, not "${value}"`);
  }
  return host;
}

function parseAdminToken(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  if (value.length < MIN_CHOSEN_TOKEN_LENGTH || value.length > 512 || /\s/.test(value)) {
    throw new StartupError(
      `--admin-token must be ${MIN_CHOSEN_TOKEN_LENGTH} to 512 characters without spaces (a long random string); leave it out to have one generated`,
    );
  }
  return value;
}

function parseSwitch(name: string, value: string | undefined): boolean {
  if (value === undefined || value === '' || value === '1' || value === 'true') return true;
  if (value === '0' || value === 'false') return false;
  throw new StartupError(`${name} must be 0 or 1, not "${value}"`);
}

function checkDistinctPorts(options: CliOptions): void {
  const named: Array<[string, number | null]> = [
    ['--mqtt-port', options.mqttPort],
    ['--mqtts-port', options.mqttsPort],
    ['--ws-port', options.wsPort],
    ['--http-port', options.httpPort],
    ['--https-port', options.httpsPort],
  ];
  const seen = new Map<number, string>();
  for (const [name, port] of named) {
    if (port === null || port === 0) continue;
    const other = seen.get(port);
    if (other)
      throw new StartupError(`${name} and ${other} are both ${port}; give each its own port`);
    seen.set(port, name);
  }
}
