// The panel's views, in navigation order. Labels and empty states are catalogue keys (see
// src-renderer/i18n/catalogue/), translated where they are shown. `#/overview` and `#/locks`,
// the routes of earlier versions, still open Home (see hooks/use-hash-route.ts).
import type { StringKey } from '../i18n/catalogue/index.js';

export type ViewId = 'home' | 'devices' | 'strangers' | 'actions' | 'activity' | 'settings';

export interface EmptyStateText {
  /** A catalogue key (or, for text made elsewhere, the text itself). */
  title: StringKey | (string & {});
  /** Paragraphs, as keys or text; text between backticks is shown as code. */
  body: (StringKey | (string & {}))[];
}

export interface ViewDef {
  id: ViewId;
  label: StringKey;
  empty?: EmptyStateText;
}

export const views: ViewDef[] = [
  { id: 'home', label: 'common.nav.home' },
  {
    id: 'devices',
    label: 'common.nav.devices',
    empty: {
      title: 'common.empty.devices.title',
      body: [
        'common.empty.devices.body1',
        'common.empty.devices.body2',
        'common.empty.devices.body3',
      ],
    },
  },
  {
    id: 'strangers',
    label: 'common.nav.strangers',
    empty: {
      title: 'strangers.empty.title',
      body: ['strangers.empty.body1', 'strangers.empty.body2'],
    },
  },
  { id: 'actions', label: 'common.nav.actions' },
  {
    id: 'activity',
    label: 'common.nav.activity',
    empty: {
      title: 'activity.empty.title',
      body: ['activity.empty.body1', 'activity.empty.body2'],
    },
  },
  {
    id: 'settings',
    label: 'common.nav.settings',
    empty: {
      title: 'common.empty.settings.title',
      body: ['common.empty.settings.body1', 'common.empty.settings.body2'],
    },
  },
];

/** Routes of earlier versions, kept working: they open the view that replaced them. */
export const viewAliases: Readonly<Record<string, ViewId>> = { overview: 'home', locks: 'home' };

/** The Actions view's empty state, shown while there are no action files. */
export const actionsEmpty: EmptyStateText = {
  title: 'common.empty.actions.title',
  body: ['common.empty.actions.body1', 'common.empty.actions.body2'],
};

export function findView(id: string): ViewDef | undefined {
  const target = viewAliases[id] ?? id;
  return views.find((view) => view.id === target);
}
