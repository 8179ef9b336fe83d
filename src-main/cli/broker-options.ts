// The options for running on an external broker (contract 1, `--broker-url`, issue #10) and for
// exporting that broker's configuration. Parsed here so options.ts stays about the hub itself.
import { resolve } from 'node:path';
import { StartupError } from '../hub/errors.js';

export const BROKER_CONFIG_FORMATS = ['mosquitto-acl', 'mosquitto-dynsec'] as const;
export type BrokerConfigFormat = (typeof BROKER_CONFIG_FORMATS)[number];

export interface BrokerCliOptions {
  brokerUrl: string | undefined;
  /** Else the user name in the URL, else the account export-broker-config made. */
  brokerUsername: string | undefined;
  /** Only from the environment or the URL: a password in the arguments shows in `ps`. */
  brokerPassword: string | undefined;
  brokerCa: string | undefined;
  /** Keep this folder's broker configuration in step with the devices while the hub runs. */
  brokerConfigDir: string | undefined;
  /** Keep the broker's dynamic-security plugin in step through its API while the hub runs. */
  brokerDynsec: boolean;
  /** export-broker-config (and --broker-config-dir): which configuration to write. */
  format: BrokerConfigFormat;
  /** export-broker-config: where to write it. */
  out: string | undefined;
}

export function parseBrokerUrl(value: string | undefined): string | undefined {
  if (value === undefined) return undefined;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new StartupError(
      `--broker-url must be a URL such as mqtt://192.168.1.10:1883, not "${value}"`,
    );
  }
  if (!['mqtt:', 'mqtts:', 'ws:', 'wss:'].includes(url.protocol)) {
    throw new StartupError(
      `--broker-url must start with mqtt://, mqtts://, ws:// or wss://, not "${url.protocol}//"`,
    );
  }
  if (url.hostname === '')
    throw new StartupError(`--broker-url needs a host, as in mqtt://host:1883`);
  return value;
}

export function parseBrokerOptions(
  pick: (flag: string, variable: string) => string | undefined,
  dynsecFlag: boolean,
): BrokerCliOptions {
  const format = pick('format', '') ?? 'mosquitto-acl';
  if (!(BROKER_CONFIG_FORMATS as readonly string[]).includes(format)) {
    throw new StartupError(
      `--format must be ${BROKER_CONFIG_FORMATS.join(' or ')}, not "${format}"`,
    );
  }
  const path = (flag: string, variable: string): string | undefined => {
    const value = pick(flag, variable);
    if (value === undefined) return undefined;
    if (value.trim() === '') throw new StartupError(`--${flag} is empty`);
    return resolve(value);
  };
  const username = pick('broker-username', 'HEARTH_BROKER_USERNAME');
  if (
    username !== undefined &&
    (username === '' || username.length > 256 || /[\s:]/.test(username))
  ) {
    throw new StartupError('--broker-username must be 1-256 characters without spaces or ":"');
  }
  return {
    brokerUrl: parseBrokerUrl(pick('broker-url', 'HEARTH_BROKER_URL')),
    brokerUsername: username,
    brokerPassword: pick('', 'HEARTH_BROKER_PASSWORD'),
    brokerCa: path('broker-ca', 'HEARTH_BROKER_CA'),
    brokerConfigDir: path('broker-config-dir', 'HEARTH_BROKER_CONFIG_DIR'),
    brokerDynsec: dynsecFlag || pick('', 'HEARTH_BROKER_DYNSEC') === '1',
    format: format as BrokerConfigFormat,
    out: path('out', ''),
  };
}
