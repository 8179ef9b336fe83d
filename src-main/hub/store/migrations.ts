// Ordered migrations from every older state.json layout to CURRENT_STATE_VERSION. Each step is
// a pure function of the parsed JSON; the result is validated with HubStateSchema afterwards,
// so a step only reshapes and never has to re-check what the schema checks.
import { randomUUID } from 'node:crypto';
import { CURRENT_STATE_VERSION } from './state-schema.js';

export type JsonObject = Record<string, unknown>;

export interface Migration {
  from: number;
  to: number;
  describe: string;
  migrate(input: JsonObject): JsonObject;
}

// Version 0 is the unversioned pre-release file: no `version` key, the broker settings at the
// top level and no hub id yet.
const fromPreRelease: Migration = {
  from: 0,
  to: 1,
  describe: 'pre-release file: move broker settings under settings, add version and hub id',
  migrate(input) {
    const { broker, hubId, name, adminTokenHash, settings, ...rest } = input;
    // conf keeps its own bookkeeping under __internal__; Hearth versions its file itself.
    delete rest['__internal__'];
    const merged: JsonObject = isObject(settings) ? { ...settings } : {};
    if (broker !== undefined) merged['broker'] = broker;
    return {
      ...rest,
      version: 1,
      hubId: typeof hubId === 'string' && hubId.length > 0 ? hubId : randomUUID(),
      name: name ?? 'Hearth',
      adminTokenHash: adminTokenHash ?? null,
      settings: merged,
    };
  },
};

// Version 2 adds the device registry and integration accounts (the devices issue).
const addDevices: Migration = {
  from: 1,
  to: 2,
  describe: 'add the device registry and integration accounts',
  migrate(input) {
    return { ...input, version: 2, devices: {}, integrations: {}, tokens: {} };
  },
};

// Version 3 tells a paired phone's token from a browser's sign-in session (the sign-in issue).
const addTokenKinds: Migration = {
  from: 2,
  to: 3,
  describe: 'mark every existing token as a paired one (browser sessions are new)',
  migrate(input) {
    const tokens = isObject(input['tokens']) ? input['tokens'] : {};
    const marked: JsonObject = {};
    for (const [id, token] of Object.entries(tokens)) {
      marked[id] = isObject(token) ? { ...token, kind: 'paired', remember: false } : token;
    }
    return { ...input, version: 3, tokens: marked };
  },
};

export const migrations: readonly Migration[] = [fromPreRelease, addDevices, addTokenKinds];

export type VersionInfo = { kind: 'ok'; version: number } | { kind: 'invalid'; reason: string };

/** The file's layout version: 0 when it has none (pre-release). */
export function readStateVersion(value: unknown): VersionInfo {
  if (!isObject(value)) return { kind: 'invalid', reason: 'the top level is not a JSON object' };
  if (!('version' in value)) return { kind: 'ok', version: 0 };
  const version = value['version'];
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 0) {
    return {
      kind: 'invalid',
      reason: `"version" is ${JSON.stringify(version)}, not a version number`,
    };
  }
  return { kind: 'ok', version };
}

/**
 * Runs every step from `fromVersion` up to CURRENT_STATE_VERSION. Throws if a step is missing or
 * fails; the caller treats that like any other unusable file.
 */
export function migrateToCurrent(
  value: JsonObject,
  fromVersion: number,
  steps: readonly Migration[] = migrations,
): JsonObject {
  let current = value;
  let version = fromVersion;
  while (version < CURRENT_STATE_VERSION) {
    const step = steps.find((candidate) => candidate.from === version);
    if (!step) throw new Error(`no migration from state version ${version}`);
    current = step.migrate(structuredClone(current));
    version = step.to;
  }
  return current;
}

export function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
