// Action files in the real sandbox (QuickJS in a worker thread): a temporary data folder with a real StateStore (so a
// test can prove state.json is untouched), the real device registry, lock service and audit
// log behind the host API, and an ActionCatalog fed by startActionFiles.
import { fileProblemEnglish } from '../../src-main/hub/actions/action-problem.js';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ActionCatalog } from '../../src-main/hub/actions/files/action-catalog.js';
import {
  startActionFiles,
  type ActionLimits,
  type RunningActionFiles,
} from '../../src-main/hub/actions/files/start-action-files.js';
import type { ActionResult, Caller } from '../../src-main/hub/actions/action-types.js';
import { pingAction } from '../../src-main/hub/actions/built-in/ping.js';
import { DeviceRegistry } from '../../src-main/hub/devices/device-registry.js';
import { EventBus } from '../../src-main/hub/events.js';
import { AuditLog } from '../../src-main/hub/locks/audit-log.js';
import { LockService } from '../../src-main/hub/locks/lock-service.js';
import { createLogger, silentLogger, type Logger } from '../../src-main/hub/log.js';
import type { MessageBus } from '../../src-main/hub/broker/bus.js';
import { StateStore } from '../../src-main/hub/store/state-store.js';
import { makeTempDir, removeDir } from '../helpers/hub-process.js';

export const ADMIN: Caller = { kind: 'token', tokenId: 'admin', scope: 'admin' };

export interface ActionFixture {
  dataDir: string;
  actionsDir: string;
  catalog: ActionCatalog;
  running: RunningActionFiles;
  store: StateStore;
  audit: AuditLog;
  published: Array<{ topic: string; payload: string }>;
  problems: string[];
  /** Runs an action as the dispatcher would; resolves with its result or rejects with its error. */
  run(name: string, args?: string[], caller?: Caller): Promise<ActionResult>;
  write(file: string, code: string): void;
  stateHash(): string;
  close(): Promise<void>;
}

export async function startActionFixture(
  files: Record<string, string>,
  options: { limits?: ActionLimits; publish?: MessageBus['publish']; log?: Logger } = {},
): Promise<ActionFixture> {
  const dataDir = makeTempDir('hearth-actions-');
  const actionsDir = path.join(dataDir, 'actions');
  fs.mkdirSync(actionsDir);
  for (const [file, code] of Object.entries(files))
    fs.writeFileSync(path.join(actionsDir, file), code);
  const log = options.log ?? (process.env.HEARTH_TEST_LOG ? createLogger('debug') : silentLogger);
  const store = StateStore.open({ dataDir, log, onWarning: () => {} });
  const events = new EventBus();
  const published: Array<{ topic: string; payload: string }> = [];
  const publish: MessageBus['publish'] =
    options.publish ??
    (async (topic, payload) => {
      published.push({ topic, payload: payload.toString() });
    });
  const registry = new DeviceRegistry({
    store,
    events,
    publish,
    kick: () => {},
    integration: () => undefined,
    log,
  });
  const audit = new AuditLog(dataDir, log, () => 30);
  const locks = new LockService({ registry, publish, audit, events, confirmTimeoutMs: () => 500 });
  const catalog = new ActionCatalog();
  catalog.register(pingAction);
  const problems: string[] = [];
  const running = await startActionFiles({
    dataDir,
    catalog,
    services: {
      publish: (topic, payload) => publish(topic, payload, { qos: 1 }),
      devices: () => registry.list(),
      command: (id, command, who) => locks.command(id, command, who),
    },
    limits: options.limits ? () => options.limits! : undefined,
    onProblem: (source, problem) => problems.push(`${source}: ${fileProblemEnglish(problem)}`),
    log,
  });
  return {
    dataDir,
    actionsDir,
    catalog,
    running,
    store,
    audit,
    published,
    problems,
    async run(name, args = [], caller = ADMIN) {
      const action = catalog.get(name);
      if (!action) throw new Error(`no action ${name}`);
      return action.run({ name, args, text: [name, ...args].join(' '), caller });
    },
    write(file, code) {
      fs.writeFileSync(path.join(actionsDir, file), code);
    },
    stateHash() {
      return createHash('sha256')
        .update(fs.readFileSync(path.join(dataDir, 'state.json')))
        .digest('hex');
    },
    async close() {
      await running.stop();
      locks.stop();
      audit.stop();
      store.close();
      removeDir(dataDir);
    },
  };
}
