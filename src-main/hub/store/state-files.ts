// The files of the state store: reading and judging state.json / state.json.bak, writing them
// through conf (atomic: temp file, fsync, rename), and moving unusable files aside.
import fs from 'node:fs';
import path from 'node:path';
import Conf from 'conf';
import { StartupError } from '../errors.js';
import { errorCode, reason } from './data-dir.js';
import { migrateToCurrent, readStateVersion } from './migrations.js';
import { CURRENT_STATE_VERSION, describeIssues, HubStateSchema } from './state-schema.js';
import type { HubState } from './state-schema.js';

export const STATE_FILE = 'state.json';
export const BACKUP_FILE = 'state.json.bak';

export type Inspection =
  | { kind: 'missing' }
  | { kind: 'newer'; version: number }
  | { kind: 'corrupt'; reason: string }
  | { kind: 'good'; state: HubState; fromVersion: number; raw: string };

export function serializeState(state: HubState): string {
  return JSON.stringify(state, null, 2) + '\n';
}

/** Reads one state file and says whether it is usable; only an unreadable file throws. */
export function inspectStateFile(file: string): Inspection {
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(file);
  } catch (error) {
    if (errorCode(error) === 'ENOENT') return { kind: 'missing' };
    throw new StartupError(
      `${file} cannot be read (${reason(error)}); fix its permissions or move it away`,
    );
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return { kind: 'corrupt', reason: 'it is not UTF-8 text' };
  }
  let value: unknown;
  try {
    // A BOM is what a hand edit in some editors adds; it does not make the file corrupt.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (error) {
    return { kind: 'corrupt', reason: `it is not valid JSON (${(error as Error).message})` };
  }
  const version = readStateVersion(value);
  if (version.kind === 'invalid') return { kind: 'corrupt', reason: version.reason };
  if (version.version > CURRENT_STATE_VERSION) return { kind: 'newer', version: version.version };
  let candidate = value;
  if (version.version < CURRENT_STATE_VERSION) {
    try {
      candidate = migrateToCurrent(value as Record<string, unknown>, version.version);
    } catch (error) {
      return { kind: 'corrupt', reason: `migration failed (${(error as Error).message})` };
    }
  }
  const parsed = HubStateSchema.safeParse(candidate);
  if (!parsed.success) {
    return { kind: 'corrupt', reason: `it breaks the schema (${describeIssues(parsed.error)})` };
  }
  return { kind: 'good', state: parsed.data, fromVersion: version.version, raw: text };
}

/** Writes state.json and state.json.bak atomically through conf. */
export class StateWriter {
  readonly #dir: string;
  readonly #main: Conf<HubState>;
  readonly #backup: Conf<HubState>;

  constructor(dir: string) {
    this.#dir = dir;
    this.#main = openConf(dir, 'json');
    this.#backup = openConf(dir, 'json.bak');
  }

  /** `text` is serializeState(state) when the caller has it already (it is not made again). */
  writeMain(state: HubState, text?: string): void {
    this.#main.store = forConf(state, text);
    syncFolder(this.#dir);
  }

  writeBackup(state: HubState, text?: string): void {
    this.#backup.store = forConf(state, text);
    syncFolder(this.#dir);
  }
}

// The text each value handed to conf is written as: a thousand devices make state.json a few
// hundred KB, and conf would otherwise serialize it again for each of the two files.
const texts = new WeakMap<object, string>();
const INTERNAL = '__internal__';

/**
 * A shallow copy for conf (the state is frozen), carrying conf's `__internal__` key: with it,
 * conf does not read and parse the file on disk before each write to copy that key over (which
 * cost as much as the write). The key never reaches the file (see openConf's serialize).
 */
function forConf(state: HubState, text: string | undefined): HubState {
  const value = { ...state, [INTERNAL]: {} } as HubState;
  texts.set(value, text ?? serializeState(state));
  return value;
}

function openConf(dir: string, fileExtension: string): Conf<HubState> {
  return new Conf<HubState>({
    cwd: dir,
    configName: 'state',
    fileExtension,
    configFileMode: 0o600,
    accessPropertiesByDotNotation: false,
    // conf copies its `__internal__` bookkeeping from the file on disk into every write; Hearth
    // versions the file itself, and the strict schema would reject that key on the next start.
    serialize: (value) => {
      const known = texts.get(value);
      if (known !== undefined) return known;
      const { __internal__: _ignored, ...rest } = value as HubState & { __internal__?: unknown };
      return serializeState(rest);
    },
    // Hearth reads and judges the files itself (inspectStateFile); conf reads them only in its
    // constructor and before each write, and must never throw on or rewrite a bad file there.
    deserialize: (text) => {
      try {
        return JSON.parse(text) as HubState;
      } catch {
        return {} as HubState;
      }
    },
  });
}

/** Renames a file to `<name>.<label>-<time>` (bytes untouched) and returns the new name. */
export function moveAside(dir: string, name: string, label: string): string {
  const target = freeName(dir, `${name}.${label}-${timestamp()}`);
  fs.renameSync(path.join(dir, name), path.join(dir, target));
  syncFolder(dir);
  return target;
}

/** Copies a file to `<name>.<label>-<time>`, keeping the original in place. */
export function copyAside(dir: string, name: string, label: string): string {
  const target = freeName(dir, `${name}.${label}-${timestamp()}`);
  fs.copyFileSync(path.join(dir, name), path.join(dir, target), fs.constants.COPYFILE_EXCL);
  return target;
}

// Temp files of an atomic write interrupted by a crash (atomically names them
// `<file>.tmp-<10 digits><6 hex>`); never the real data, and only removed under the lock.
const leftover = /^state\.json(\.bak)?\.tmp-\d{10}[0-9a-f]{6}$/;

export function removeWriteLeftovers(dir: string): string[] {
  const removed = fs.readdirSync(dir).filter((name) => leftover.test(name));
  for (const name of removed) fs.rmSync(path.join(dir, name), { force: true });
  return removed;
}

function freeName(dir: string, base: string): string {
  let name = base;
  for (let n = 1; fs.existsSync(path.join(dir, name)); n++) name = `${base}-${n}`;
  return name;
}

function timestamp(): string {
  // Colons are not allowed in Windows file names.
  return new Date().toISOString().replace(/[:.]/g, '-');
}

function syncFolder(dir: string): void {
  // The rename is only durable across a power cut once the folder entry is flushed too.
  let fd: number | undefined;
  try {
    fd = fs.openSync(dir, 'r');
    fs.fsyncSync(fd);
  } catch {
    // Windows cannot open or fsync a folder; the rename is still atomic there.
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}
