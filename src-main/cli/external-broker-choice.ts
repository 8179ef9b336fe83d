// --broker-url and its credentials as the hub takes them. Credentials come from, in order: the
// URL itself, --broker-username / HEARTH_BROKER_PASSWORD, or the account export-broker-config
// made in the data folder. None at all is allowed (an open test broker).
import fs from 'node:fs';
import { StartupError } from '../hub/errors.js';
import type { ExternalBrokerChoice } from '../hub/broker/start-hub-broker.js';
import type { CliOptions } from './options.js';
import { loadOrCreateBrokerAccount, readBrokerAccount } from './broker-account.js';
import { mosquittoPasswordHash } from '../hub/broker-config/mosquitto-password.js';
import type { HubOptions } from '../hub/hub-types.js';

export function externalBrokerChoice(options: CliOptions): ExternalBrokerChoice | undefined {
  if (options.brokerUrl === undefined) return undefined;
  const url = new URL(options.brokerUrl);
  const fromUrl = url.username
    ? { username: decodeURIComponent(url.username), password: decodeURIComponent(url.password) }
    : null;
  const account = fromUrl ?? credentialsFromOptions(options) ?? readBrokerAccount(options.dataDir);
  return {
    url: options.brokerUrl,
    ...(account ? { username: account.username, password: account.password } : {}),
    ...(options.brokerCa ? { ca: readCa(options.brokerCa) } : {}),
  };
}

/** --broker-config-dir / --broker-dynsec: how the broker's accounts follow the devices. */
export function brokerSyncChoice(options: CliOptions): HubOptions['brokerSync'] {
  if (options.brokerConfigDir === undefined && !options.brokerDynsec) return undefined;
  if (options.brokerConfigDir !== undefined && options.format !== 'mosquitto-acl') {
    throw new StartupError(
      '--broker-config-dir keeps Mosquitto password and ACL files in step (--format mosquitto-acl); for the dynamic-security plugin use --broker-dynsec, which talks to the plugin itself',
    );
  }
  const account = loadOrCreateBrokerAccount(options.dataDir);
  return {
    ...(options.brokerConfigDir !== undefined
      ? {
          files: {
            dir: options.brokerConfigDir,
            format: 'mosquitto-acl' as const,
            hub: {
              username: account.username,
              passwordHash: mosquittoPasswordHash(account.password),
            },
          },
        }
      : {}),
    ...(options.brokerDynsec ? { dynsec: true } : {}),
  };
}

function credentialsFromOptions(
  options: CliOptions,
): { username: string; password?: string } | null {
  if (options.brokerUsername === undefined) return null;
  return {
    username: options.brokerUsername,
    ...(options.brokerPassword !== undefined ? { password: options.brokerPassword } : {}),
  };
}

function readCa(file: string): Buffer {
  let ca: Buffer;
  try {
    ca = fs.readFileSync(file);
  } catch (error) {
    throw new StartupError(`--broker-ca ${file} cannot be read (${(error as Error).message})`);
  }
  if (!ca.toString('latin1').includes('-----BEGIN CERTIFICATE-----')) {
    throw new StartupError(`--broker-ca ${file} is not a PEM certificate`);
  }
  return ca;
}
