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
        'A device joins by connecting to the hub’s MQTT broker with its id as client id and publishing `hand_shake <id> [kind] [name…]` on `hearth/action`.',
        'Joining and approval arrive in a later version; devices will then be listed here, with their state and when they were last seen.',
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
  {
    id: 'actions',
    label: 'Actions',
    empty: {
      title: 'No actions to show yet',
      body: [
        'Actions run when a message arrives on `hearth/action`: its first word names the action (for example `ping` or `lock all`).',
        'The action table, running an action from here and adding action files arrive in a later version.',
      ],
    },
  },
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

export function findView(id: string): ViewDef | undefined {
  return views.find((view) => view.id === id);
}
