// Turns what the host found in a file into action definitions, with a reason for every export
// that does not become one (not a function, a bad name, too many parameters, a name taken).
import { ACTION_NAME, type ActionCall, type ActionDefinition } from '../action-types.js';
import type { ActionProblemOf } from '../../../shared/messages/action-errors.js';
import { problemEnglish } from '../action-problem.js';
import type { ActionMessage, FileReport } from '../host/host-protocol.js';

/** An export that did not become an action, and why (its problem, and its English). */
export type Skipped = { export: string; reason: string } & ActionProblemOf;

export interface BuiltFile {
  actions: ActionDefinition[];
  skipped: Skipped[];
}

/** Whether a name is a built-in's, or another file's action, already. */
export type Taken = 'built-in' | { file: string } | null;

/** Runs one export of one file in the host. */
export type RunExport = (
  exportName: string,
  name: string,
  message: ActionMessage,
) => Promise<string | null>;

export function buildFileActions(
  file: string,
  report: FileReport,
  taken: (name: string) => Taken,
  run: RunExport,
): BuiltFile {
  const skipped: Skipped[] = [];
  const skip = (problem: ActionProblemOf): void => {
    const { export: name } = problem.params as { export: string };
    skipped.push({ export: name, reason: problemEnglish(problem), ...problem });
  };
  for (const other of report.others) {
    const params = { file, export: other.exportName, type: other.type };
    skip({ problem: 'export_not_a_function', params });
  }
  const devices = Array.isArray(report.devices) ? (report.devices as string[]) : [];
  if (!Array.isArray(report.devices)) {
    skip({ problem: 'export_devices_not_a_list', params: { file, export: 'devices' } });
  }
  const actions: ActionDefinition[] = [];
  for (const fn of report.functions) {
    const name = fn.actionName ?? (fn.exportName === 'default' ? null : fn.exportName);
    const refusal = refusalOf(file, fn.exportName, name, fn.length, taken, actions);
    if (refusal !== null || name === null) {
      skip(refusal ?? { problem: 'export_without_name', params: { file, export: fn.exportName } });
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
      skip({ problem: 'export_device_names_unknown', params: { file, export: 'devices', name } });
    }
  }
  return { actions, skipped };
}

/** Why an exported function cannot be the action `name`, or null when it can. */
function refusalOf(
  file: string,
  exportName: string,
  name: string | null,
  parameters: number,
  taken: (name: string) => Taken,
  actions: ActionDefinition[],
): ActionProblemOf | null {
  const about = { file, export: exportName };
  if (name === null) return { problem: 'export_without_name', params: about };
  if (!ACTION_NAME.test(name)) return { problem: 'export_bad_name', params: { ...about, name } };
  if (parameters > 2) {
    return { problem: 'export_too_many_parameters', params: { ...about, count: parameters } };
  }
  const clash = taken(name);
  if (clash === 'built-in') return { problem: 'export_name_built_in', params: { ...about, name } };
  if (clash !== null) {
    return { problem: 'export_name_taken', params: { ...about, name, owner: clash.file } };
  }
  if (actions.some((other) => other.name === name)) {
    return { problem: 'export_twice', params: { ...about, name } };
  }
  return null;
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
