// Decides which state the hub starts from. Everything is read and judged before anything is
// written, so a refusal (a file from a newer Hearth) leaves the folder exactly as it was.
// Unusable files are renamed aside, never deleted, and the panel is warned.
import path from 'node:path';
import { StartupError } from '../errors.js';
import type { Logger } from '../log.js';
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
  onWarning: (code: string, message: string) => void,
): StartingState {
  const main = inspectStateFile(path.join(dir, STATE_FILE));
  const backup = inspectStateFile(path.join(dir, BACKUP_FILE));
  if (main.kind === 'newer') throw newerFile(STATE_FILE, main.version);
  if (backup.kind === 'newer') throw newerFile(BACKUP_FILE, backup.version);

  const leftovers = removeWriteLeftovers(dir);
  if (leftovers.length > 0) log.info('removed temp files of an interrupted write', { leftovers });
  const warn = (code: string, message: string): void => {
    log.warn(message, { code });
    onWarning(code, message);
  };
  keepPreMigrationCopy(dir, STATE_FILE, main, log);
  keepPreMigrationCopy(dir, BACKUP_FILE, backup, log);

  if (main.kind === 'good') {
    if (backup.kind === 'corrupt') {
      const moved = moveAside(dir, BACKUP_FILE, 'corrupt');
      warn(
        'state_backup_corrupt',
        `${BACKUP_FILE} could not be used (${backup.reason}); it was moved to ${moved}; ${STATE_FILE} is fine`,
      );
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

  const problems: string[] = [];
  if (main.kind === 'corrupt') {
    const moved = moveAside(dir, STATE_FILE, 'corrupt');
    problems.push(`${STATE_FILE} could not be used (${main.reason}); it was moved to ${moved}`);
  } else {
    problems.push(`${STATE_FILE} was missing`);
  }
  if (backup.kind === 'good') {
    const code = main.kind === 'corrupt' ? 'state_corrupt' : 'state_restored';
    warn(code, `${problems.join('; ')}; the last good copy (${BACKUP_FILE}) was loaded`);
    return { state: backup.state, main: null, backup: backup.raw };
  }
  if (backup.kind === 'corrupt') {
    const moved = moveAside(dir, BACKUP_FILE, 'corrupt');
    problems.push(`${BACKUP_FILE} could not be used (${backup.reason}); it was moved to ${moved}`);
  } else {
    problems.push(`there is no ${BACKUP_FILE}`);
  }
  warn('state_corrupt', `${problems.join('; ')}; the hub started from default settings`);
  return { state: defaultState(), main: null, backup: null };
}

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
