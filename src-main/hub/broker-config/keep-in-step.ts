// --broker-config-dir: while Hearth runs on an external Mosquitto, the password and ACL files
// follow the devices. Each time the state is on disk and who-may-do-what changed (a device
// approved, rejected, re-paired or removed; a first login closing its joining topics; an
// integration account made or removed), the files are written again. Mosquitto rereads them on
// SIGHUP; docs/scale.md shows a systemd path unit that sends it when the files change.
import type { WarningParams } from '../../shared/messages/warnings.js';
import type { Logger } from '../log.js';
import type { HubState } from '../store/state-schema.js';
import type { BrokerAccounts } from './broker-accounts.js';
import { accountsFromState } from './accounts-from-state.js';
import {
  renderBrokerConfig,
  writeBrokerConfig,
  type BrokerConfigFormat,
} from './broker-config-files.js';

/** What went wrong keeping the broker in step (the broker_not_in_step warning's parameters). */
export type NotInStep = WarningParams<'broker_not_in_step'>;

export interface KeepInStepOptions {
  dir: string;
  format: BrokerConfigFormat;
  hub: BrokerAccounts['hub'];
  onSaved: (listener: (state: Readonly<HubState>) => void) => () => void;
  state: () => Readonly<HubState>;
  onProblem: (problem: NotInStep | null) => void;
  log: Logger;
}

export function keepBrokerConfigInStep(options: KeepInStepOptions): () => void {
  let written = '';
  const sync = (state: Readonly<HubState>): void => {
    const accounts = accountsFromState(state, options.hub);
    // The hub's own hash is salted afresh only at start; compare the rest.
    const signature = JSON.stringify([accounts.devices, accounts.integrations]);
    if (signature === written) return;
    try {
      writeBrokerConfig(options.dir, renderBrokerConfig(options.format, accounts));
      written = signature;
      options.onProblem(null);
      options.log.info('broker configuration updated', { dir: options.dir });
    } catch (error) {
      options.onProblem({
        problem: 'config_not_written',
        folder: options.dir,
        error: (error as Error).message,
        devices: null,
        count: null,
      });
    }
  };
  sync(options.state());
  return options.onSaved(sync);
}
