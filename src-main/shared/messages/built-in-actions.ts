// The built-in actions and the hub's English for each (GET /actions `description`). The panel
// has its own words for every one, by name; an action file's actions keep their own text.
export const FIND_STRANGER_MAX = 50;
export const FIND_STRANGER_DEFAULT = 5;

export const builtInActionDescriptions = {
  ping: 'Replies "pong".',
  lock: 'Locks one lock (lock <id>) or all of them (lock or lock all).',
  unlock: 'Unlocks one lock (unlock <id>) or all of them (unlock or unlock all).',
  hand_shake:
    'A device asks to join (hand_shake <id> [kind] [name…]); only the device <id> itself.',
  find_stranger: `Replies with links to the newest stranger pictures, one per line: find_stranger [camera] [n] (n 1-${FIND_STRANGER_MAX}, default ${FIND_STRANGER_DEFAULT}).`,
  save_state: 'Saves the hub state to exports/<name>.json in the data folder (save_state [name]).',
  load_state:
    'Restores the hub state from exports/<name>.json, after validating it; the replaced state is kept.',
  save_action_file:
    'Remote code: stores an action file sent as base64; it runs only after the owner confirms its SHA-256.',
  load_action_file:
    'Remote code: (re)loads an action file from the actions folder and lists its actions.',
} as const;

export type BuiltInActionName = keyof typeof builtInActionDescriptions;
export const builtInActionNames = Object.keys(builtInActionDescriptions) as BuiltInActionName[];
