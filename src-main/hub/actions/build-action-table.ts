// The action table as the hub starts it: every built-in first (so that a clash with an action
// file is reported, and the built-in wins), then the action files, which run in the QuickJS
// sandbox's worker thread, never in the hub's own JavaScript (docs/actions.md).
import type { ActivityLog } from '../activity/activity-log.js';
import type { MessageBus } from '../broker/bus.js';
import type { DeviceRegistry } from '../devices/device-registry.js';
import { createHandShakeAction } from '../devices/hand-shake-action.js';
import type { PermitJoin } from '../devices/permit-join.js';
import { RateLimit } from '../devices/rate-limit.js';
import type { EventBus } from '../events.js';
import type { Logger } from '../log.js';
import { createLockActions } from '../locks/lock-actions.js';
import type { LockService } from '../locks/lock-service.js';
import type { StateStore } from '../store/state-store.js';
import { createFindStrangerAction } from '../strangers/find-stranger-action.js';
import type { StrangerService } from '../strangers/stranger-service.js';
import type { Warnings } from '../warnings.js';
import type { WhoOf } from '../who-of.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';
import { fileProblemEnglish } from './action-problem.js';
import { pingAction } from './built-in/ping.js';
import { createRemoteCodeActions } from './built-in/remote-code-actions.js';
import { createStateActions } from './built-in/state-actions.js';
import { ActionCatalog } from './files/action-catalog.js';
import { RemoteCode } from './files/remote-code.js';
import { createActionFiles } from './files/start-action-files.js';

export interface ActionTableDependencies {
  dataDir: string;
  store: StateStore;
  events: EventBus;
  warnings: Warnings;
  activity: ActivityLog;
  bus: MessageBus;
  registry: DeviceRegistry;
  permitJoin: PermitJoin;
  locks: LockService;
  strangers: StrangerService;
  nameOf: (id: string) => string;
  whoOf: WhoOf;
  log: Logger;
}

export async function buildActionTable(deps: ActionTableDependencies) {
  const { store, bus, registry, locks, warnings } = deps;
  const actions = new ActionCatalog();
  actions.register(createFindStrangerAction(deps.strangers));
  actions.register(pingAction);
  for (const action of createLockActions(locks, deps.nameOf, deps.whoOf)) {
    actions.register(action);
  }
  actions.register(
    createHandShakeAction({
      registry,
      permitJoin: deps.permitJoin,
      bus,
      rateLimit: new RateLimit(() => store.state.settings.devices.handShakesPerMinutePerAddress),
      activity: deps.activity,
    }),
  );
  for (const action of createStateActions(store)) actions.register(action);
  const actionFiles = await createActionFiles({
    dataDir: deps.dataDir,
    catalog: actions,
    services: {
      publish: (topic, payload) => bus.publish(topic, payload, { qos: 1 }),
      devices: () => registry.list(),
      command: (id, command, who) => locks.command(id, command, who),
    },
    limits: () => store.state.settings.actions,
    onProblem: (source, problem) =>
      deps.events.emit('action_error', {
        action: source,
        code: 'action_file',
        message: fileProblemEnglish(problem),
        caller: 'action files',
        problem: problem.problem,
        params: problem.params as MessageParams,
        by: null,
      }),
    log: deps.log.child('action-files'),
  });
  try {
    const remoteCode = new RemoteCode(actionFiles.dir, () => actionFiles.files.sync());
    const remoteCodeActions = createRemoteCodeActions({
      enabled: () => store.state.settings.actions.remoteCode,
      remote: remoteCode,
      files: actionFiles.files,
      onPending: (file, sha256) => warnings.raise('action_code_pending', { file, sha256 }),
    });
    for (const action of remoteCodeActions) actions.register(action);
    // Every built-in is registered before the files load, so each clash is reported.
    await actionFiles.load();
    return { actions, actionFiles, remoteCode };
  } catch (error) {
    // The hub's start-up fails; the sandbox worker it may have started must not outlive it.
    await actionFiles.stop();
    throw error;
  }
}
