// The whole state as one document (contract 3.2 state/export, state/import). An import is
// migrated and validated as a whole before anything changes, and the state it replaces is kept
// beside it (`state.json.before-import-<time>`), so a wrong file can be undone.
import { z } from 'zod';
import { ApiError } from '../api/error-catalogue.js';
import {
  describeIssues,
  HubStateSchema,
  CURRENT_STATE_VERSION,
  type HubState,
} from './state-schema.js';
import { migrateToCurrent, readStateVersion } from './migrations.js';
import { copyAside, STATE_FILE } from './state-files.js';
import type { StateStore } from './state-store.js';

export function exportState(store: StateStore): HubState {
  store.flushSoon();
  return store.state;
}

export function importState(store: StateStore, document: Record<string, unknown>): string {
  const version = readStateVersion(document);
  if (version.kind === 'invalid') throw new ApiError('invalid_input', version.reason);
  if (version.version > CURRENT_STATE_VERSION) {
    throw new ApiError(
      'invalid_input',
      `the document was written by Hearth state version ${version.version}; this is version ${CURRENT_STATE_VERSION}: update Hearth first`,
    );
  }
  let next: HubState;
  try {
    next = HubStateSchema.parse(migrateToCurrent(document, version.version));
  } catch (error) {
    const reason = error instanceof z.ZodError ? describeIssues(error) : (error as Error).message;
    throw new ApiError('invalid_input', `the document is not a valid Hearth state: ${reason}`);
  }
  store.flushSoon();
  const keptAs = copyAside(store.dataDir, STATE_FILE, 'before-import');
  store.update((draft) => {
    Object.assign(draft, next);
  });
  return keptAs;
}
