// Turns what the host found in a file into action definitions, with a reason for every export
// that does not become one (not a function, a bad name, too many parameters, a name taken).
import { ACTION_NAME, type ActionCall, type ActionDefinition } from '../action-types.js';
import type { ActionMessage, FileReport } from '../host/host-protocol.js';

export interface Skipped {
  export: string;
  reason: string;
}

export interface BuiltFile {
  actions: ActionDefinition[];
  skipped: Skipped[];
}

/** Runs one export of one file in the host. */
export type RunExport = (
  exportName: string,
  name: string,
  message: ActionMessage,
) => Promise<string | null>;

export function buildFileActions(
  file: string,
  report: FileReport,
  taken: (name: string) => string | null,
  run: RunExport,
): BuiltFile {
  const skipped: Skipped[] = report.others.map((other) => ({
    export: other.exportName,
    reason: `not a function (${other.type}); ignored`,
  }));
  const devices = Array.isArray(report.devices) ? (report.devices as string[]) : [];
  if (!Array.isArray(report.devices)) {
    skipped.push({
      export: 'devices',
      reason: 'must be an array of action names; no device may run these',
    });
  }
  const actions: ActionDefinition[] = [];
  for (const fn of report.functions) {
    const name = fn.actionName ?? (fn.exportName === 'default' ? null : fn.exportName);
    const refusal =
      name === null
        ? 'a default export needs a name: a named function, or set its actionName'
        : !ACTION_NAME.test(name)
          ? `"${name}" is not an action name (1-64 of a-z 0-9 _ -); set actionName`
          : fn.length > 2
            ? `takes ${fn.length} parameters; an action takes at most 2 (message, hub)`
            : (taken(name) ??
              (actions.some((other) => other.name === name)
                ? `"${name}" is exported twice`
                : null));
    if (refusal !== null || name === null) {
      skipped.push({ export: fn.exportName, reason: refusal ?? 'no name' });
      continue;
    }
    actions.push({
      name,
      description: `From ${file} (export ${fn.exportName}).`,
      permission: 'anyone',
      devicesMayRun: devices.includes(name),
      source: { file },
      run: (call) => run(fn.exportName, name, messageOf(call)),
    });
  }
  for (const name of devices) {
    if (!actions.some((action) => action.name === name)) {
      skipped.push({
        export: 'devices',
        reason: `names "${name}", which is not an action of this file`,
      });
    }
  }
  return { actions, skipped };
}

/** The message an action sees. The dispatcher may pass the raw topic and bytes; else derived. */
function messageOf(call: ActionCall): ActionMessage {
  const caller = call.caller;
  const sender =
    caller.kind === 'device'
      ? caller.deviceId
      : caller.kind === 'token'
        ? `token:${caller.tokenId}`
        : caller.kind === 'integration'
          ? `integration:${caller.integrationId}`
          : 'local';
  const topic =
    call.topic ??
    (caller.kind === 'device' ? `hearth/devices/${caller.deviceId}/action` : 'hearth/action');
  const bytes = call.payload ?? Buffer.from(call.text, 'utf8');
  return {
    topic,
    payload: bytes.toString('utf8'),
    bytes: new Uint8Array(bytes),
    args: [...call.args],
    sender,
  };
}
