// Every way running or loading an action can go wrong, as told in an `action_error` event (its
// `problem` and `params`) and in the activity history. The event's `code` stays the coarse one
// API clients already match on; the problem says exactly what happened. A file's problems
// (`file_*`, `export_*`) are worded as its status shows them; the event's English puts the file
// (and export) in front (see fileProblemEnglish in the hub).
import { message, type ParamsOf } from './define-messages.js';

/** The coarse codes of `action_error` (and of runAction's HTTP error), unchanged for clients. */
export const actionErrorCategories = [
  'unknown_action',
  'forbidden',
  'action_failed',
  'bad_message',
  'action_file',
] as const;
export type ActionErrorCategory = (typeof actionErrorCategories)[number];

export const actionErrorMessages = {
  unknown_action: message({ action: 'text' }, (p) => `there is no action "${p.action}"`),
  not_allowed: message(
    { action: 'text', caller: 'text' },
    (p) => `${p.caller} may not run "${p.action}"`,
  ),
  wrong_inbox: message({ caller: 'text', topic: 'text' }, (p) => `${p.caller} wrote to ${p.topic}`),
  message_too_long: message(
    { bytes: 'number', limit: 'number' },
    (p) => `message is ${p.bytes} bytes; the limit is ${p.limit}`,
  ),
  message_not_text: message({}, () => 'message is not valid UTF-8 text'),
  message_empty: message({}, () => 'message is empty'),
  /** What the action threw, quoted: an engine's or an action file's own words. */
  action_failed: message(
    { action: 'text', error: 'text' },
    (p) => `"${p.action}" failed: ${p.error}`,
  ),
  hand_shake_not_a_device: message(
    { action: 'text' },
    (p) => `"${p.action}" failed: only a device may hand_shake, for itself`,
  ),
  hand_shake_without_id: message(
    { action: 'text' },
    (p) => `"${p.action}" failed: hand_shake needs the device id: hand_shake <id> [kind] [name…]`,
  ),
  hand_shake_other_id: message(
    { action: 'text', named: 'text', clientId: 'text' },
    (p) =>
      `"${p.action}" failed: hand_shake names "${p.named}" but the client id is "${p.clientId}"`,
  ),
  hand_shake_reserved_id: message(
    { action: 'text' },
    (p) => `"${p.action}" failed: the device id "token" is reserved; choose another id`,
  ),
  hand_shake_too_often: message(
    { action: 'text', address: 'text' },
    (p) => `"${p.action}" failed: too many hand_shakes from ${p.address}; wait a minute`,
  ),
  hand_shake_bad_name: message(
    { action: 'text' },
    (p) => `"${p.action}" failed: the device name must be 1 to 64 characters`,
  ),
  /** An error thrown in the sandbox that no call was waiting for: the engine's own words. */
  stray_error: message({ error: 'text' }, (p) => p.error),
  /** An action file that does not load: `error` is the engine's own (a syntax error) or a stop. */
  file_invalid: message({ file: 'text', error: 'text' }, (p) => p.error),
  file_unreadable: message(
    { file: 'text', error: 'text' },
    (p) => `cannot read ${p.file}: ${p.error}`,
  ),
  file_outside: message(
    { file: 'text' },
    (p) => `${p.file} points outside the actions folder; refused`,
  ),
  file_not_a_file: message({ file: 'text' }, (p) => `${p.file} is not a file`),
  file_too_large: message(
    { file: 'text', bytes: 'number', limit: 'number' },
    (p) => `${p.file} is ${p.bytes} bytes; an action file is at most ${p.limit}`,
  ),
  file_bad_name: message(
    { file: 'text' },
    (p) => `"${p.file}" is not an action file name (1-64 of A-Z a-z 0-9 . _ -, ending .mjs or .js)`,
  ),
  file_vanished: message(
    { file: 'text' },
    () => 'it was saved but not found in the actions folder',
  ),
  file_has_path: message(
    { file: 'text' },
    (p) => `"${p.file}" has path parts; give a bare file name`,
  ),
  export_not_a_function: message(
    { file: 'text', export: 'text', type: 'text' },
    (p) => `not a function (${p.type}); ignored`,
  ),
  export_devices_not_a_list: message(
    { file: 'text', export: 'text' },
    () => 'must be an array of action names; no device may run these',
  ),
  export_without_name: message(
    { file: 'text', export: 'text' },
    () => 'a default export needs a name: a named function, or set its actionName',
  ),
  export_bad_name: message(
    { file: 'text', export: 'text', name: 'text' },
    (p) => `"${p.name}" is not an action name (1-64 of a-z 0-9 _ -); set actionName`,
  ),
  export_too_many_parameters: message(
    { file: 'text', export: 'text', count: 'number' },
    (p) => `takes ${p.count} parameters; an action takes at most 2 (message, hub)`,
  ),
  export_name_built_in: message(
    { file: 'text', export: 'text', name: 'text' },
    (p) => `"${p.name}" is a built-in action; the built-in wins`,
  ),
  export_name_taken: message(
    { file: 'text', export: 'text', name: 'text', owner: 'text' },
    (p) => `"${p.name}" is already an action of ${p.owner}`,
  ),
  export_twice: message(
    { file: 'text', export: 'text', name: 'text' },
    (p) => `"${p.name}" is exported twice`,
  ),
  export_device_names_unknown: message(
    { file: 'text', export: 'text', name: 'text' },
    (p) => `names "${p.name}", which is not an action of this file`,
  ),
};

export type ActionProblem = keyof typeof actionErrorMessages;
export const actionProblems = Object.keys(actionErrorMessages) as ActionProblem[];
export type ActionProblemParams<P extends ActionProblem> = ParamsOf<
  (typeof actionErrorMessages)[P]['params']
>;

/** A problem and its parameters, typed together. */
export type ActionProblemOf<P extends ActionProblem = ActionProblem> = {
  [K in P]: { problem: K; params: ActionProblemParams<K> };
}[P];
