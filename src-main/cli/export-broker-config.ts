// `npm run hub -- export-broker-config --format mosquitto-acl|mosquitto-dynsec --out DIR`:
// writes an external broker's configuration for the rules of contract 2.3 from the hub's saved
// state, plus Hearth's own account on that broker (made once, kept in the data folder). It only
// reads the state, so it also works while the hub runs, and before its first start.
import { join } from 'node:path';
import {
  accountsFromState,
  devicesNeedingRepair,
} from '../hub/broker-config/accounts-from-state.js';
import { renderBrokerConfig, writeBrokerConfig } from '../hub/broker-config/broker-config-files.js';
import { mosquittoPasswordHash } from '../hub/broker-config/mosquitto-password.js';
import { StartupError } from '../hub/errors.js';
import { inspectStateFile, STATE_FILE } from '../hub/store/state-files.js';
import { loadOrCreateBrokerAccount } from './broker-account.js';
import type { CliOptions } from './options.js';

/** Does the export and returns what to tell the owner. */
export function runExportBrokerConfig(options: CliOptions): string {
  const file = join(options.dataDir, STATE_FILE);
  const inspection = inspectStateFile(file);
  if (inspection.kind === 'corrupt' || inspection.kind === 'newer') {
    throw new StartupError(
      `${file} cannot be used (${inspection.kind === 'newer' ? 'written by a newer Hearth' : inspection.reason}); start the hub once to recover it`,
    );
  }
  // Before the first start there are no devices yet: Hearth's own account is all there is.
  const state = inspection.kind === 'good' ? inspection.state : { devices: {}, integrations: {} };
  const account = loadOrCreateBrokerAccount(options.dataDir);
  const hub = { username: account.username, passwordHash: mosquittoPasswordHash(account.password) };
  const rendered = renderBrokerConfig(options.format, accountsFromState(state, hub));
  const out = options.out!;
  const written = writeBrokerConfig(out, rendered);
  const repair = devicesNeedingRepair(state);
  return [
    `Wrote ${written.join(', ')} (${options.format}).`,
    ...(inspection.kind === 'missing'
      ? [`No Hearth state in ${options.dataDir} yet: only Hearth's own account was exported.`]
      : []),
    `Add to mosquitto.conf, then restart Mosquitto:`,
    ...rendered.confLines.map((line) => `  ${line.replace('DIR', out)}`),
    `Then start Hearth on it (it logs in as "${account.username}"; the password is in ${join(options.dataDir, 'broker-account.json')}):`,
    `  npm run hub -- --data-dir ${options.dataDir} --broker-url mqtt://<broker-host>:1883` +
      (options.format === 'mosquitto-acl' ? ` --broker-config-dir ${out}` : ' --broker-dynsec'),
    ...(options.format === 'mosquitto-dynsec'
      ? [
          `Mosquitto rewrites ${join(out, 'dynamic-security.json')} itself: let its user write it (chown mosquitto).`,
        ]
      : []),
    ...(repair.length > 0
      ? [
          `These approved devices got their secret before Hearth kept it in the broker's form; re-pair them to use this broker: ${repair.join(', ')}`,
        ]
      : []),
    ...rendered.notes.map((note) => `Note: ${note}`),
  ].join('\n');
}
