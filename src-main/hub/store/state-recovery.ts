// Decides which state the hub starts from. Everything is read and judged before anything is
// written, so a refusal (a file from a newer Hearth) leaves the folder exactly as it was.
// Unusable files are renamed aside, never deleted, and the panel is warned.
import path from 'node:path';
import type { WarningCode, WarningParams } from '../../shared/messages/warnings.js';
import { StartupError } from '../errors.js';
import type { Logger } from '../log.js';
import { warningEnglish, type OnWarning } from '../warnings.js';
import {
  BACKUP_FILE,
  copyAside,
  inspectStateFile,
  moveAside,
  removeWriteLeftovers,
  STATE_FILE,
} from './state-files.js';
import type { Inspection } from './state-files.js';
import { CURRENT_STATE_VERSION, defaultState } from './state-schema.js';
import type { HubState } from './state-schema.js';

export interface StartingState {
  state: HubState;
  /** What state.json and state.json.bak now hold (null: nothing usable); rewritten if different. */
  main: string | null;
  backup: string | null;
}

export function resolveStartingState(
  dir: string,
  log: Logger,
  onWarning: OnWarning,
): StartingState {
  const main = inspectStateFile(path.join(dir, STATE_FILE));
  const backup = inspectStateFile(path.join(dir, BACKUP_FILE));
  if (main.kind === 'newer') throw newerFile(STATE_FILE, main.version);
  if (backup.kind === 'newer') throw newerFile(BACKUP_FILE, backup.version);

  const leftovers = removeWriteLeftovers(dir);
  if (leftovers.length > 0) log.info('removed temp files of an interrupted write', { leftovers });
  const warn = <C extends WarningCode>(code: C, params: WarningParams<C>): void => {
    const message = warningEnglish(code, params);
    log.warn(message, { code });
    onWarning(code, message, params);
  };
  keepPreMigrationCopy(dir, STATE_FILE, main, log);
  keepPreMigrationCopy(dir, BACKUP_FILE, backup, log);

  if (main.kind === 'good') {
    if (backup.kind === 'corrupt') {
      const moved = moveAside(dir, BACKUP_FILE, 'corrupt');
      warn('state_backup_corrupt', { reason: backup.reason, movedTo: moved });
    }
    return {
      state: main.state,
      main: main.raw,
      backup: backup.kind === 'good' ? backup.raw : null,
    };
  }

  if (main.kind === 'missing' && backup.kind === 'missing') {
    log.info('first start: writing a new state file', { dataDir: dir });
    return { state: defaultState(), main: null, backup: null };
  }

  const mainProblem =
    main.kind === 'corrupt'
      ? { reason: main.reason, movedTo: moveAside(dir, STATE_FILE, 'corrupt') }
      : { reason: null, movedTo: null };
  if (backup.kind === 'good') {
    if (main.kind === 'corrupt')
      warn('state_corrupt', { outcome: 'backup_loaded', ...noBackup, ...mainProblem });
    else warn('state_restored', {});
    return { state: backup.state, main: null, backup: backup.raw };
  }
  const backupProblem =
    backup.kind === 'corrupt'
      ? { backupReason: backup.reason, backupMovedTo: moveAside(dir, BACKUP_FILE, 'corrupt') }
      : noBackup;
  warn('state_corrupt', { outcome: 'defaults', ...mainProblem, ...backupProblem });
  return { state: defaultState(), main: null, backup: null };
}

const noBackup = { backupReason: null, backupMovedTo: null };

function newerFile(name: string, version: number): StartupError {
  return new StartupError(
    `${name} was written by Hearth state version ${version}; this is version ${CURRENT_STATE_VERSION}: update Hearth, or move the file away`,
  );
}

// A migrated file is rewritten in the new layout; the original stays beside it, so a
// migration bug can never lose what the older Hearth stored.
function keepPreMigrationCopy(dir: string, name: string, file: Inspection, log: Logger): void {
  if (file.kind !== 'good' || file.fromVersion === CURRENT_STATE_VERSION) return;
  const copy = copyAside(dir, name, `v${file.fromVersion}`);
  log.info('migrating state file', {
    file: name,
    from: file.fromVersion,
    to: CURRENT_STATE_VERSION,
    copy,
  });
}
