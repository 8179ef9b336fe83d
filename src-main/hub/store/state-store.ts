// The hub's persisted state: state.json in the data folder, validated, versioned, written
// atomically on every change, with state.json.bak as the last good copy. A bad file never stops
// the hub and is never silently wiped; a file from a newer Hearth is never touched.
import fs from 'node:fs';
import path from 'node:path';
import { StartupError } from '../errors.js';
import type { Logger } from '../log.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { DataDirLock } from './data-dir-lock.js';
import { ensureUsableDataDir, isPermissionError, reason, unwritable } from './data-dir.js';
import { resolveStartingState } from './state-recovery.js';
import { serializeState, StateWriter } from './state-files.js';
import { CURRENT_STATE_VERSION, describeIssues, HubStateSchema } from './state-schema.js';
import type { HubState } from './state-schema.js';

export interface StateStoreOptions {
  dataDir: string;
  log: Logger;
  /** Raised for the panel: a recovered file, a failed backup. `code` is stable, `message` is for people. */
  onWarning: (code: string, message: string) => void;
}

/** An update whose result breaks the schema; nothing was changed. */
export class StateValidationError extends Error {
  override readonly name = 'StateValidationError';
}

// Two stores on one folder in one process would overwrite each other's changes.
const openHere = new Set<string>();

/** How long device reports may wait to be written together (see updateSoon). */
export const DEFERRED_WRITE_MS = 250;

export class StateStore {
  readonly dataDir: string;
  readonly #key: string;
  readonly #log: Logger;
  readonly #onWarning: StateStoreOptions['onWarning'];
  readonly #writer: StateWriter;
  readonly #lock: DataDirLock;
  #state: HubState;
  #serialized: string;
  #closed = false;
  #pending: Array<(draft: HubState) => void> = [];
  #pendingTimer: NodeJS.Timeout | null = null;

  private constructor(
    dir: string,
    key: string,
    options: StateStoreOptions,
    lock: DataDirLock,
    writer: StateWriter,
    state: HubState,
  ) {
    this.dataDir = dir;
    this.#key = key;
    this.#log = options.log;
    this.#onWarning = options.onWarning;
    this.#lock = lock;
    this.#writer = writer;
    this.#state = deepFreeze(state);
    this.#serialized = serializeState(state);
  }

  /** Opens (or creates) the state in `dataDir`; throws StartupError when it cannot. */
  static open(options: StateStoreOptions): StateStore {
    const log = options.log.child('store');
    const dir = ensureUsableDataDir(options.dataDir);
    const key = fs.realpathSync(dir);
    if (openHere.has(key)) {
      throw new StartupError(
        `the state in ${dir} is already open in this process (pid ${process.pid})`,
      );
    }
    const lock = acquireDataDirLock(dir);
    try {
      const start = resolveStartingState(dir, log, options.onWarning);
      const writer = new StateWriter(dir);
      const serialized = serializeState(start.state);
      if (start.main !== serialized) writer.writeMain(start.state);
      if (start.backup !== serialized) writer.writeBackup(start.state);
      log.info('state loaded', {
        dataDir: dir,
        hubId: start.state.hubId,
        version: CURRENT_STATE_VERSION,
      });
      const store = new StateStore(dir, key, { ...options, log }, lock, writer, start.state);
      openHere.add(key);
      return store;
    } catch (error) {
      lock.release();
      if (error instanceof StartupError) throw error;
      if (isPermissionError(error)) throw unwritable(dir, error);
      throw new StartupError(
        `cannot open the state in ${dir} (${reason(error)}); check the data folder or choose another --data-dir`,
        { cause: error },
      );
    }
  }

  get state(): Readonly<HubState> {
    return this.#state;
  }

  /**
   * Applies `mutate` to a copy, validates the result, writes state.json, then state.json.bak.
   * If `mutate` throws or the result is invalid, nothing changes (StateValidationError).
   */
  update(mutate: (draft: HubState) => void): void {
    if (this.#closed) throw new Error(`the state store for ${this.dataDir} is closed`);
    const draft = structuredClone(this.#state) as HubState;
    mutate(draft);
    const parsed = HubStateSchema.safeParse(draft);
    if (!parsed.success) {
      throw new StateValidationError(`invalid state: ${describeIssues(parsed.error)}`);
    }
    const next = parsed.data;
    const serialized = serializeState(next);
    if (serialized === this.#serialized) return;
    // If this throws (disk full, folder gone), the old file is still in place and so is #state.
    this.#writer.writeMain(next);
    this.#state = deepFreeze(next);
    this.#serialized = serialized;
    try {
      this.#writer.writeBackup(next);
    } catch (error) {
      // The change itself is saved; only the spare copy is behind.
      const message = `state.json.bak could not be refreshed (${reason(error)}); the last good copy is older than the state`;
      this.#log.warn(message, { error });
      this.#onWarning('state_backup_failed', message);
    }
  }

  /**
   * For what devices report many times a minute (state, battery, last seen): the change is
   * queued and written with the others queued in the next DEFERRED_WRITE_MS, in one write.
   * A crash loses at most that window of reports, never an owner's decision (those use update).
   */
  updateSoon(mutate: (draft: HubState) => void): void {
    if (this.#closed) return;
    this.#pending.push(mutate);
    this.#pendingTimer ??= setTimeout(() => this.flushSoon(), DEFERRED_WRITE_MS);
  }

  /** Writes what updateSoon queued, now. */
  flushSoon(): void {
    if (this.#pendingTimer) clearTimeout(this.#pendingTimer);
    this.#pendingTimer = null;
    const queued = this.#pending.splice(0);
    if (queued.length === 0 || this.#closed) return;
    try {
      this.update((draft) => {
        for (const mutate of queued) mutate(draft);
      });
    } catch (error) {
      this.#log.warn('could not save device reports', { error });
    }
  }

  /** Releases the data folder after writing anything still queued. */
  close(): void {
    if (this.#closed) return;
    this.flushSoon();
    this.#closed = true;
    openHere.delete(this.#key);
    this.#lock.release();
  }

  /** state.json's path, for messages and docs. */
  get file(): string {
    return path.join(this.dataDir, 'state.json');
  }
}

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
