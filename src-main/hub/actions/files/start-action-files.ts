// Puts action files together for the composition root: the folder, the sandbox that runs them,
// the hub API they may use, the loader and the folder watch. One call at start, one stop.
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';
import type { Logger } from '../../log.js';
import { ActionHost } from '../host/action-host.js';
import { ActionStore } from '../host/action-store.js';
import { createHostApi, type HostApiServices } from '../host/host-api.js';
import type { ActionCatalog } from './action-catalog.js';
import { ensureActionsDir } from './action-folder.js';
import { ActionFiles } from './action-files.js';
import { watchFolder } from './folder-watcher.js';

export interface ActionLimits {
  callTimeoutMs: number;
  memoryMb: number;
}

export const DEFAULT_ACTION_LIMITS: ActionLimits = { callTimeoutMs: 1000, memoryMb: 64 };

export interface ActionFilesSetup {
  dataDir: string;
  catalog: ActionCatalog;
  services: Omit<HostApiServices, 'store' | 'log'>;
  limits?: () => ActionLimits;
  /** An action file problem, or an error no call owned: for `action_error` events. */
  onProblem?: (source: string, problem: ActionProblemOf) => void;
  log: Logger;
}

export interface RunningActionFiles {
  dir: string;
  /** Loads the folder and starts watching it; register every built-in first (they win names). */
  load(): Promise<void>;
  files: ActionFiles;
  host: ActionHost;
  store: ActionStore;
  stop(): Promise<void>;
}

/** Action files loaded and watched: for callers with no built-ins left to register. */
export async function startActionFiles(setup: ActionFilesSetup): Promise<RunningActionFiles> {
  const running = await createActionFiles(setup);
  await running.load();
  return running;
}

/** The host and loader, before anything is loaded (see RunningActionFiles.load). */
export async function createActionFiles(setup: ActionFilesSetup): Promise<RunningActionFiles> {
  const dir = ensureActionsDir(setup.dataDir);
  const limits = setup.limits ?? (() => DEFAULT_ACTION_LIMITS);
  const store = new ActionStore(setup.dataDir);
  const host = new ActionHost({
    actionsDir: dir,
    memoryMb: () => limits().memoryMb,
    callTimeoutMs: () => limits().callTimeoutMs,
    api: createHostApi({ ...setup.services, store, log: setup.log.child('action-log') }),
    log: setup.log.child('host'),
    onStrayError: (error) =>
      setup.onProblem?.('action sandbox', { problem: 'stray_error', params: { error } }),
  });
  const files = new ActionFiles({
    dir,
    host,
    catalog: setup.catalog,
    log: setup.log,
    onProblem: setup.onProblem,
  });
  let unwatch = (): void => {};
  return {
    dir,
    files,
    host,
    store,
    async load() {
      await files.sync();
      unwatch = watchFolder(dir, () => void files.sync(), setup.log);
    },
    async stop() {
      unwatch();
      await host.stop();
    },
  };
}
