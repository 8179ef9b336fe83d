// The hub's persisted state: state.json in the data folder, validated, versioned, written
// atomically (at once for the owner's decisions, in batches of DEFERRED_WRITE_MS for what
// devices report and for joins), with state.json.bak as the last good copy. A bad file never stops
// the hub and is never silently wiped; a file from a newer Hearth is never touched.
import fs from 'node:fs';
import path from 'node:path';
import type { WarningCode } from '../../shared/messages/warnings.js';
import { StartupError } from '../errors.js';
import type { Logger } from '../log.js';
import { warningEnglish, type OnWarning } from '../warnings.js';
import { acquireDataDirLock } from './data-dir-lock.js';
import type { DataDirLock } from './data-dir-lock.js';
import { ensureUsableDataDir, isPermissionError, reason, unwritable } from './data-dir.js';
import { resolveStartingState } from './state-recovery.js';
import { serializeState, StateWriter } from './state-files.js';
import {
  CURRENT_STATE_VERSION,
  describeIssues,
  DeviceRecordSchema,
  HubStateSchema,
} from './state-schema.js';
import type { DeviceRecord, HubState } from './state-schema.js';
import { deepFreeze, freezeState, setRecord } from './state-freeze.js';

export interface StateStoreOptions {
  dataDir: string;
  log: Logger;
  /** Raised for the panel: a recovered file, a failed backup (a warning code, see Warnings). */
  onWarning: OnWarning;
  /** The condition behind a warning is over (state.json could be written again). */
  onWarningCleared?: (code: string) => void;
}

/** An update whose result breaks the schema; nothing was changed. */
export class StateValidationError extends Error {
  override readonly name = 'StateValidationError';
}

export const STATE_NOT_SAVED = 'state_not_saved' satisfies WarningCode;

/** state.json could not be written (disk full, folder read-only); nothing was changed. */
export class StateWriteError extends Error {
  override readonly name = 'StateWriteError';
  /** The API's error code (error-catalogue), also read by the desktop app's IPC. */
  readonly code = STATE_NOT_SAVED;
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
  /** Device records changed in memory (putDevice 'soon') and not yet in state.json. */
  #unwritten = false;
  #savedWaiters: Array<{ resolve: () => void; reject: (error: Error) => void }> = [];
  /** Reported fields of device records (patchDeviceSoon), merged per device until the flush. */
  #patches = new Map<string, Partial<DeviceRecord>>();
  #writes = 0;
  readonly #savedListeners = new Set<(state: Readonly<HubState>) => void>();
  /** The last write failed (the warning is up until one succeeds). */
  #notSaved = false;
  readonly #onWarningCleared: StateStoreOptions['onWarningCleared'];

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
    this.#onWarningCleared = options.onWarningCleared;
    this.#lock = lock;
    this.#writer = writer;
    this.#state = freezeState(state);
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
    this.#write(parsed.data);
  }

  /**
   * Puts one device record (null removes it) without the whole-state copy and check that
   * update makes: only the record is checked, so a change costs the same with 10 devices or
   * 10,000. 'now' writes state.json before returning, as update does (the owner's decisions);
   * 'soon' changes the state in memory at once and writes it with the next batch, within
   * DEFERRED_WRITE_MS, as updateSoon does (joins: a thousand devices joining at once cost a
   * few whole-file writes, not three each). A crash loses at most that window; whenSaved()
   * says when it is on disk, so that nothing is promised to a device before that.
   * Throws StateValidationError (and changes nothing) for a record that breaks the schema.
   */
  putDevice(id: string, record: DeviceRecord | null, when: 'now' | 'soon'): void {
    if (this.#closed) throw new Error(`the state store for ${this.dataDir} is closed`);
    let checked: DeviceRecord | null = null;
    if (record !== null) {
      const parsed = DeviceRecordSchema.safeParse(record);
      if (!parsed.success || parsed.data.id !== id) {
        const why = parsed.success ? `its id is not "${id}"` : describeIssues(parsed.error);
        throw new StateValidationError(`invalid device record: ${why}`);
      }
      checked = deepFreeze(parsed.data);
    } else if (!Object.hasOwn(this.#state.devices, id)) {
      return;
    }
    if (when === 'now') {
      // A copy: if the write fails, the state in memory stays as it was.
      const devices = { ...this.#state.devices };
      if (checked) devices[id] = checked;
      else delete devices[id];
      this.#write(Object.freeze({ ...this.#state, devices }));
      return;
    }
    // In place, O(1) however many devices there are (see freezeState).
    setRecord(this.#state.devices, id, checked);
    this.#unwritten = true;
    this.#pendingTimer ??= setTimeout(() => this.flushSoon(), DEFERRED_WRITE_MS);
  }

  /**
   * Resolves once everything changed so far is in state.json (at once when it already is);
   * rejects when that write failed (disk full, folder read-only), so that nothing is promised
   * to a device that a restart would forget. The change stays in memory; the next write that
   * succeeds saves it.
   */
  whenSaved(): Promise<void> {
    if (!this.#unwritten) return Promise.resolve();
    return new Promise((resolve, reject) => this.#savedWaiters.push({ resolve, reject }));
  }

  /** How many times state.json has been written since the store was opened (for tests, bench). */
  get writes(): number {
    return this.#writes;
  }

  /** Writes `next` (already valid) as state.json, then state.json.bak, unless nothing changed. */
  #write(next: HubState): void {
    const serialized = serializeState(next);
    if (serialized === this.#serialized) {
      this.#state = freezeState(next);
      this.#saved();
      return;
    }
    // If this throws (disk full, folder gone), the old file is still in place and so is #state.
    try {
      this.#writer.writeMain(next, serialized);
    } catch (error) {
      const params = { reason: reason(error), folder: this.dataDir };
      const message = warningEnglish(STATE_NOT_SAVED, params);
      if (!this.#notSaved) this.#log.error('state.json could not be written', { error });
      this.#notSaved = true;
      this.#onWarning(STATE_NOT_SAVED, message, params);
      throw new StateWriteError(message, { cause: error });
    }
    if (this.#notSaved) {
      this.#notSaved = false;
      this.#onWarningCleared?.(STATE_NOT_SAVED);
    }
    this.#writes++;
    this.#state = freezeState(next);
    this.#serialized = serialized;
    this.#saved();
    try {
      this.#writer.writeBackup(next, serialized);
    } catch (error) {
      // The change itself is saved; only the spare copy is behind.
      const params = { reason: reason(error) };
      const message = warningEnglish('state_backup_failed', params);
      this.#log.warn(message, { error });
      this.#onWarning('state_backup_failed', message, params);
    }
  }

  /**
   * Calls `listener` with the state each time it is on disk (an external broker's accounts are
   * exported from what is saved, never from what a crash could still take back).
   */
  onSaved(listener: (state: Readonly<HubState>) => void): () => void {
    const entry = (state: Readonly<HubState>): void => listener(state);
    this.#savedListeners.add(entry);
    return () => void this.#savedListeners.delete(entry);
  }

  /** Every write holds the whole state in memory, so whatever putDevice queued is now on disk. */
  #saved(): void {
    this.#unwritten = false;
    for (const waiter of this.#savedWaiters.splice(0)) waiter.resolve();
    for (const listener of [...this.#savedListeners]) {
      try {
        listener(this.#state);
      } catch (error) {
        this.#log.error('a state listener failed', { error });
      }
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

  /**
   * As updateSoon, for fields of one device record (what it reports: state, battery, last
   * seen): merged per device and applied at the flush by checking only the changed records, so
   * a thousand chatty devices do not mean copying and checking the whole state at every flush.
   * A patch for a device that is gone by then is dropped.
   */
  patchDeviceSoon(id: string, patch: Partial<DeviceRecord>): void {
    if (this.#closed) return;
    this.#patches.set(id, { ...this.#patches.get(id), ...patch });
    this.#pendingTimer ??= setTimeout(() => this.flushSoon(), DEFERRED_WRITE_MS);
  }

  /** Writes what updateSoon, patchDeviceSoon and putDevice 'soon' queued, now. */
  flushSoon(): void {
    if (this.#pendingTimer) clearTimeout(this.#pendingTimer);
    this.#pendingTimer = null;
    if (this.#closed) return;
    this.#applyPatches();
    const queued = this.#pending.splice(0);
    if (queued.length === 0) {
      // Only checked records (putDevice, patchDeviceSoon): no whole-state copy and check.
      if (this.#unwritten) this.#writeUnwritten();
      return;
    }
    try {
      this.update((draft) => {
        for (const mutate of queued) mutate(draft);
      });
    } catch (error) {
      this.#log.warn('could not save device reports', { error });
      // The joins queued with them are valid on their own: do not hold them back.
      if (this.#unwritten) this.#writeUnwritten();
    }
  }

  /** Puts the queued device patches into the state in memory (written with the rest). */
  #applyPatches(): void {
    if (this.#patches.size === 0) return;
    const { devices } = this.#state;
    for (const [id, patch] of this.#patches) {
      if (!Object.hasOwn(devices, id)) continue;
      const parsed = DeviceRecordSchema.safeParse({ ...devices[id], ...patch });
      if (parsed.success && parsed.data.id === id) setRecord(devices, id, deepFreeze(parsed.data));
      else this.#log.warn('a device report breaks the schema; not saved', { id });
    }
    this.#patches.clear();
    this.#unwritten = true;
  }

  #writeUnwritten(): void {
    try {
      this.#write(this.#state);
    } catch (error) {
      this.#log.warn('could not save device changes', { error });
      // Whoever waits is told it failed: the hub goes on, in memory, and the next write tries again.
      const failure = error instanceof Error ? error : new Error(String(error));
      for (const waiter of this.#savedWaiters.splice(0)) waiter.reject(failure);
    }
  }

  /** Releases the data folder after writing anything still queued. */
  close(): void {
    if (this.#closed) return;
    this.flushSoon();
    this.#closed = true;
    // Left waiting only when the last write failed: what they wait for is not on disk.
    const failure = new Error('the state was not saved before the hub stopped');
    for (const waiter of this.#savedWaiters.splice(0)) waiter.reject(failure);
    openHere.delete(this.#key);
    this.#lock.release();
  }

  /** state.json's path, for messages and docs. */
  get file(): string {
    return path.join(this.dataDir, 'state.json');
  }
}
