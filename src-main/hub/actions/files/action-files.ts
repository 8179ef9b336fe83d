// Action files on disk -> the action table. Loads every file at start, reloads a file when its
// content changes, and marks a file that fails (syntax error, refused path, too large, a loop
// at top level) as invalid with its error. A failing file never stops the hub, and a file that
// breaks keeps its last working actions listed until it is fixed or removed.
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';
import type { Logger } from '../../log.js';
import { problemEnglish } from '../action-problem.js';
import type { ActionHost } from '../host/action-host.js';
import type { ActionCatalog } from './action-catalog.js';
import { listCandidates, resolveInside } from './action-folder.js';
import { buildFileActions, type Skipped } from './file-actions.js';

export interface FileStatus {
  file: string;
  status: 'loaded' | 'invalid';
  error: string | null;
  /** `error` as a problem and its parameters, for the panel's own words; null when loaded. */
  problem: ActionProblemOf | null;
  actions: string[];
  skipped: Skipped[];
  sha256: string | null;
}

export interface ActionFilesOptions {
  dir: string;
  host: ActionHost;
  catalog: ActionCatalog;
  log: Logger;
  /** A file failed to load or an export was refused: for an `action_error` event. */
  onProblem?: (file: string, problem: ActionProblemOf) => void;
}

export class ActionFiles {
  private readonly files = new Map<string, FileStatus>();
  /** What each loaded file imported, and those files' contents then (a hash of them). */
  private readonly imports = new Map<string, { names: string[]; fingerprint: string }>();
  private version = 0;
  private syncing: Promise<void> = Promise.resolve();

  constructor(private readonly options: ActionFilesOptions) {}

  /** Brings the table in line with the folder; calls are queued so reloads never overlap. */
  sync(): Promise<void> {
    this.syncing = this.syncing
      .then(() => this.syncNow())
      .catch((error: unknown) => {
        this.options.log.error('could not read the actions folder', { error });
      });
    return this.syncing;
  }

  status(): FileStatus[] {
    return [...this.files.values()].sort((a, b) => a.file.localeCompare(b.file));
  }

  private async syncNow(): Promise<void> {
    const present = new Set(listCandidates(this.options.dir));
    for (const file of [...this.files.keys()]) {
      if (!present.has(file)) {
        this.files.delete(file);
        this.imports.delete(file);
        this.options.catalog.removeFile(file);
        this.options.host.unload(file);
        this.options.log.info(`action file ${file} removed`);
      }
    }
    for (const file of present) await this.load(file);
  }

  private async load(file: string): Promise<void> {
    const before = this.files.get(file);
    const resolved = resolveInside(this.options.dir, file);
    if (!resolved.ok) return this.invalid(file, resolved.problem, before);
    const bytes = fs.readFileSync(resolved.path);
    const sha256 = createHash('sha256').update(bytes).digest('hex');
    // A loaded file stays as it is while neither it nor a file it imports changed (each folder
    // event re-syncs every file, and a reload would reset its module state).
    const loadedWith = this.imports.get(file);
    if (
      before?.sha256 === sha256 &&
      before.status === 'loaded' &&
      loadedWith !== undefined &&
      this.fingerprint(loadedWith.names) === loadedWith.fingerprint
    ) {
      return;
    }
    const version = ++this.version;
    let report;
    try {
      report = await this.options.host.inspect(file, version, bytes.toString('utf8'));
    } catch (error) {
      // The engine's own words (a syntax error with its line), or why the load was stopped.
      const params = { file, error: (error as Error).message };
      return this.invalid(file, { problem: 'file_invalid', params }, before, sha256);
    }
    const { catalog, host } = this.options;
    const built = buildFileActions(
      file,
      report,
      (name) => {
        if (catalog.isBuiltIn(name)) return 'built-in';
        const owner = catalog.fileOf(name);
        return owner && owner !== file ? { file: owner } : null;
      },
      (exportName, name, message) =>
        host.call(
          { kind: 'action', label: `"${name}" (${file})`, file, name },
          file,
          version,
          exportName,
          message,
        ),
    );
    catalog.setFileActions(file, built.actions);
    const names = report.imports ?? [];
    this.imports.set(file, { names, fingerprint: this.fingerprint(names) });
    this.files.set(file, {
      file,
      status: 'loaded',
      error: null,
      problem: null,
      actions: built.actions.map((action) => action.name),
      skipped: built.skipped,
      sha256,
    });
    this.options.log.info(`action file ${file} loaded`, { actions: built.actions.length });
    for (const skip of built.skipped) {
      const { export: _export, reason: _reason, ...problem } = skip;
      this.options.onProblem?.(file, problem as ActionProblemOf);
    }
  }

  private invalid(
    file: string,
    problem: ActionProblemOf,
    before: FileStatus | undefined,
    sha256?: string,
  ): void {
    const error = problemEnglish(problem);
    // The last working actions stay: a half-saved edit must not take a rule away.
    this.files.set(file, {
      file,
      status: 'invalid',
      error,
      problem,
      actions: before?.actions ?? [],
      skipped: before?.skipped ?? [],
      sha256: sha256 ?? null,
    });
    // Said once: the same file failing the same way at the next folder event is not news.
    if (
      before?.status === 'invalid' &&
      before.error === error &&
      before.sha256 === (sha256 ?? null)
    ) {
      return;
    }
    this.options.log.warn(`action file ${file} is invalid: ${error}`);
    this.options.onProblem?.(file, problem);
  }

  /** The contents of the files a file imported, as one hash (missing ones count too). */
  private fingerprint(names: string[]): string {
    const hash = createHash('sha256');
    for (const name of names) {
      const resolved = resolveInside(this.options.dir, name);
      hash.update(`${name}\0`);
      hash.update(resolved.ok ? fs.readFileSync(resolved.path) : `missing: ${resolved.error}`);
      hash.update('\0');
    }
    return hash.digest('hex');
  }
}
