// Keeping an external broker's accounts in step with the devices, in the way the owner chose:
// Mosquitto's password and ACL files rewritten (--broker-config-dir), or its dynamic-security
// plugin told through its API (--broker-dynsec). Problems become a warning the owner sees.
import type { WarningCode } from '../../shared/messages/warnings.js';
import type { HubBroker } from '../broker/hub-broker.js';
import type { Logger } from '../log.js';
import type { StateStore } from '../store/state-store.js';
import type { Warnings } from '../warnings.js';
import { keepDynsecInStep } from './dynsec-in-step.js';
import { keepBrokerConfigInStep, type KeepInStepOptions, type NotInStep } from './keep-in-step.js';

export interface BrokerSyncChoice {
  files?: Omit<KeepInStepOptions, 'onSaved' | 'state' | 'onProblem' | 'log'>;
  dynsec?: boolean;
}

const NOT_IN_STEP = 'broker_not_in_step' satisfies WarningCode;

export function startBrokerSync(
  choice: BrokerSyncChoice,
  hub: {
    store: StateStore;
    warnings: Warnings;
    broker: HubBroker;
    secretOf: (id: string) => string | undefined;
    log: Logger;
  },
): () => void {
  const onProblem = (problem: NotInStep | null): void =>
    problem ? hub.warnings.raise(NOT_IN_STEP, problem) : hub.warnings.clear(NOT_IN_STEP);
  const common = {
    onSaved: (listener: Parameters<StateStore['onSaved']>[0]) => hub.store.onSaved(listener),
    state: () => hub.store.state,
    onProblem,
    log: hub.log,
  };
  const stops: Array<() => void> = [];
  if (choice.files) stops.push(keepBrokerConfigInStep({ ...choice.files, ...common }));
  if (choice.dynsec) {
    stops.push(keepDynsecInStep({ ...common, broker: hub.broker, secretOf: hub.secretOf }));
  }
  return () => stops.forEach((stop) => stop());
}
