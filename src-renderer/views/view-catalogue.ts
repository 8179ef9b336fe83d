// The panel's views, in navigation order. Views that later versions fill in carry the empty
// state they show until then: what will appear there and what to do now.
export type ViewId =
  'overview' | 'devices' | 'locks' | 'strangers' | 'actions' | 'activity' | 'settings';

export interface EmptyStateText {
  title: string;
  /** Paragraphs; text between backticks is shown as code. */
  body: string[];
}

export interface ViewDef {
  id: ViewId;
  label: string;
  empty?: EmptyStateText;
}

export const views: ViewDef[] = [
  { id: 'overview', label: 'Overview' },
  {
    id: 'devices',
    label: 'Devices',
    empty: {
      title: 'No devices yet',
      body: [
        'A device joins by connecting to the hub’s MQTT broker with its id as client id and publishing `hand_shake <id> [kind] [name…]` on `hearth/action`, for example `hand_shake door1 lock Front door`.',
        'It then waits here as pending until you approve it, or, while “Let devices join” is open, it is approved at once.',
        'No hardware yet? Start a simulated lock with `npm run simulate -- lock` (or `camera`) in the project folder.',
      ],
    },
  },
  {
    id: 'locks',
    label: 'Locks',
    empty: {
      title: 'No locks yet',
      body: [
        'A lock appears here once an approved device reports its state on `hearth/devices/<id>/state`.',
        'Locking, unlocking and “lock all” from this page arrive in a later version, together with the audit log of every command.',
      ],
    },
  },
  {
    id: 'strangers',
    label: 'Strangers',
    empty: {
      title: 'No stranger pictures yet',
      body: [
        'Cameras send pictures of people they do not recognise to `hearth/devices/<id>/stranger`; the newest will be shown here.',
        'The gallery arrives in a later version.',
      ],
    },
  },
  { id: 'actions', label: 'Actions' },
  {
    id: 'activity',
    label: 'Activity',
    empty: {
      title: 'No activity yet',
      body: [
        'Joins, lock commands, refused requests and action errors will be listed here, newest first.',
        'Until then, the hub writes what it does to its log (the terminal that runs `npm run hub`).',
      ],
    },
  },
  {
    id: 'settings',
    label: 'Settings',
    empty: {
      title: 'Nothing to set here yet',
      body: [
        'Joining, devices without a secret, picture retention, remote code and phone pairing will be set here in a later version.',
        'For now the hub is configured by its start options, such as `--http-port` and `--data-dir` (see the README).',
      ],
    },
  },
];

/** The Actions view's empty state, shown while there are no action files. */
export const actionsEmpty: EmptyStateText = {
  title: 'No action files yet',
  body: [
    'An action runs when a message arrives on `hearth/action`: its first word names the action (for example `ping` or `lock all`) and its reply is published on the topic of that name. The built-in actions are listed above.',
    'Add your own with an action file: a JavaScript module whose exported functions become actions. They run in a separate process that cannot read the hub’s secrets. See `docs/actions.md` for three examples.',
  ],
};

export function findView(id: string): ViewDef | undefined {
  return views.find((view) => view.id === id);
}
