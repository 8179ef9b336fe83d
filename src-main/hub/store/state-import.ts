// The whole state as one document (contract 3.2 state/export, state/import). An import is
// migrated and validated as a whole before anything changes, and the state it replaces is kept
// beside it (`state.json.before-import-<time>`), so a wrong file can be undone.
//
// An import can never lock out the person making it: the document must be a complete state
// (what state/export writes, not `{}` filled in with defaults), the running hub's admin token
// stays the key (it belongs to this installation, not to the home being moved in), and the
// admin token the import was made with is carried over if the document lacks it. A dry run
// says what would change before anything does.
import { z } from 'zod';
import { ApiError } from '../api/error-catalogue.js';
import { ADMIN_TOKEN_ID } from '../auth/token-store.js';
import {
  describeIssues,
  HubStateSchema,
  CURRENT_STATE_VERSION,
  type HubState,
} from './state-schema.js';
import { migrateToCurrent, readStateVersion } from './migrations.js';
import { copyAside, STATE_FILE } from './state-files.js';
import type { StateStore } from './state-store.js';

/** What each layout's export always holds; a document missing any of them is not a state. */
const SINCE_VERSION_2 = [
  'version',
  'hubId',
  'name',
  'adminTokenHash',
  'settings',
  'devices',
  'integrations',
  'tokens',
] as const;

const REQUIRED_KEYS: Record<number, readonly string[]> = {
  1: ['version', 'hubId', 'name', 'adminTokenHash', 'settings'],
  2: SINCE_VERSION_2,
  3: SINCE_VERSION_2,
};

export interface ImportChanges {
  name: { from: string; to: string };
  /** A different hub's state: devices paired with this hub keep working only if listed. */
  otherHub: boolean;
  devices: Diff;
  tokens: Diff;
  integrations: Diff;
  /** The admin token that works now still works afterwards. */
  adminToken: 'kept';
}

interface Diff {
  kept: number;
  added: string[];
  removed: string[];
}

export interface ImportOutcome {
  imported: boolean;
  keptAs: string | null;
  changes: ImportChanges;
}

export function exportState(store: StateStore): HubState {
  store.flushSoon();
  return store.state;
}

/** Validates, and unless it is a dry run, replaces the state; `tokenId` is who imports. */
export function importState(
  store: StateStore,
  document: Record<string, unknown>,
  who: { tokenId: string | null; dryRun: boolean },
): ImportOutcome {
  const next = keepTheWayIn(store.state, parseComplete(document), who.tokenId);
  const changes = describeChanges(store.state, next);
  if (who.dryRun) return { imported: false, keptAs: null, changes };
  store.flushSoon();
  const keptAs = copyAside(store.dataDir, STATE_FILE, 'before-import');
  store.update((draft) => {
    Object.assign(draft, next);
  });
  return { imported: true, keptAs, changes };
}

function parseComplete(document: Record<string, unknown>): HubState {
  const version = readStateVersion(document);
  if (version.kind === 'invalid') throw new ApiError('invalid_input', version.reason);
  if (version.version > CURRENT_STATE_VERSION) {
    throw new ApiError(
      'invalid_input',
      `the document was written by Hearth state version ${version.version}; this is version ${CURRENT_STATE_VERSION}: update Hearth first`,
    );
  }
  const required = REQUIRED_KEYS[version.version];
  const missing = required ? required.filter((key) => !(key in document)) : ['version'];
  if (missing.length > 0) {
    throw new ApiError(
      'invalid_input',
      `the document is not a complete Hearth state (it lacks ${missing.join(', ')}); import a file that GET /api/v1/state/export wrote`,
    );
  }
  try {
    return HubStateSchema.parse(migrateToCurrent(document, version.version));
  } catch (error) {
    const reason = error instanceof z.ZodError ? describeIssues(error) : (error as Error).message;
    throw new ApiError('invalid_input', `the document is not a valid Hearth state: ${reason}`);
  }
}

function keepTheWayIn(now: HubState, next: HubState, tokenId: string | null): HubState {
  const tokens = { ...next.tokens };
  const own = tokenId !== null && tokenId !== ADMIN_TOKEN_ID ? now.tokens[tokenId] : undefined;
  if (own && !tokens[own.id]) tokens[own.id] = own;
  return { ...next, adminTokenHash: now.adminTokenHash ?? next.adminTokenHash, tokens };
}

function describeChanges(now: HubState, next: HubState): ImportChanges {
  return {
    name: { from: now.name, to: next.name },
    otherHub: now.hubId !== next.hubId,
    devices: diff(now.devices, next.devices, (id) => id),
    tokens: diff(now.tokens, next.tokens, (id, record) => record?.name ?? id),
    integrations: diff(now.integrations, next.integrations, (id) => id),
    adminToken: 'kept',
  };
}

function diff<T>(
  before: Record<string, T>,
  after: Record<string, T>,
  label: (id: string, record: T | undefined) => string,
): Diff {
  const added = Object.keys(after).filter((id) => !(id in before));
  const removed = Object.keys(before).filter((id) => !(id in after));
  return {
    kept: Object.keys(after).length - added.length,
    added: added.map((id) => label(id, after[id])).sort(),
    removed: removed.map((id) => label(id, before[id])).sort(),
  };
}
