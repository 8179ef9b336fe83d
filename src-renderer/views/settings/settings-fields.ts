// The hub settings as the panel groups them: which field of which hub section each group
// shows, its kind, label and unit, and whether the group is everyday (shown first) or advanced
// (folded away). The hub checks every value (getSettings/updateSettings in
// src-main/shared/operations/settings.ts); the panel turns text into numbers and lists
// (`lines`: one per line; `words`: separated by commas) and sizes and durations into the unit
// the hub keeps them in (quantity.ts).
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import type { Quantity, UnitId } from './quantity.js';

export type HubSettings = OperationOutput<'getSettings'>;
export type SectionName = keyof HubSettings;
export type SettingsPatch = Partial<Record<SectionName, Record<string, unknown>>>;

export type FieldKind =
  'boolean' | 'integer' | 'quantity' | 'text' | 'optional-text' | 'lines' | 'words';

export interface FieldDef {
  section: SectionName;
  key: string;
  kind: FieldKind;
  label: StringKey;
  help?: StringKey;
  /** For `quantity`: the hub's unit and the units offered. */
  quantity?: Quantity;
}

export interface GroupDef {
  id: string;
  title: StringKey;
  intro?: StringKey;
  fields: FieldDef[];
}

interface Extra {
  help?: StringKey;
  quantity?: Quantity;
}

const field = (
  section: SectionName,
  key: string,
  kind: FieldKind,
  label: StringKey,
  extra: Extra = {},
): FieldDef => ({ section, key, kind, label, ...extra });

/** A size or duration the hub keeps in `stored`, offered in `units` (smallest first). */
const quantity = (
  section: SectionName,
  key: string,
  label: StringKey,
  stored: UnitId,
  whole: boolean,
  units: UnitId[],
  help?: StringKey,
): FieldDef => ({
  section,
  key,
  kind: 'quantity',
  label,
  quantity: { stored, whole, units },
  ...(help ? { help } : {}),
});

const timeout = (section: SectionName, key: string, label: StringKey, help?: StringKey) =>
  quantity(section, key, label, 'ms', true, ['seconds', 'minutes'], help);

/** What a family member looks at: shown at the top of Settings. */
export const everydayGroups: GroupDef[] = [
  {
    id: 'doors',
    title: 'settings.doors.title',
    fields: [
      quantity(
        'locks',
        'warnUnlockedAfterMinutes',
        'settings.security.warnUnlocked',
        'minutes',
        false,
        ['minutes', 'hours'],
        'settings.security.warnUnlockedHelp',
      ),
    ],
  },
  {
    id: 'retention',
    title: 'settings.retention.title',
    intro: 'settings.retention.intro',
    fields: [
      quantity('strangers', 'retentionDays', 'settings.retention.pictures', 'days', false, [
        'days',
      ]),
      quantity('strangers', 'maxTotalBytes', 'settings.retention.maxTotal', 'bytes', true, [
        'MB',
        'GB',
      ]),
      field('strangers', 'maxCount', 'integer', 'settings.retention.maxCount'),
      quantity('history', 'retentionDays', 'settings.retention.history', 'days', true, ['days']),
    ],
  },
];

/** Read by the desktop app only; shown in its window, among the everyday groups. */
export const desktopGroup: GroupDef = {
  id: 'desktop',
  title: 'settings.desktop.title',
  fields: [
    field('desktop', 'startAtLogin', 'boolean', 'settings.desktop.startAtLogin'),
    field('desktop', 'startHidden', 'boolean', 'settings.desktop.startHidden'),
    field('desktop', 'keepAwake', 'boolean', 'settings.desktop.keepAwake', {
      help: 'settings.desktop.keepAwakeHelp',
    }),
    field('desktop', 'notify.stranger', 'boolean', 'settings.desktop.notifyStranger'),
    field('desktop', 'notify.jammedLock', 'boolean', 'settings.desktop.notifyJammed'),
    field('desktop', 'notify.unlockedTooLong', 'boolean', 'settings.desktop.notifyUnlocked'),
    field('desktop', 'notify.deviceWaiting', 'boolean', 'settings.desktop.notifyWaiting'),
    field('desktop', 'notify.lowBattery', 'boolean', 'settings.desktop.notifyBattery'),
    field('desktop', 'notify.stateRecovered', 'boolean', 'settings.desktop.notifyRecovered'),
  ],
};

/** For the owner who sets the hub up: folded under "Advanced". */
export const advancedGroups = {
  security: {
    id: 'security',
    title: 'settings.security.title',
    fields: [
      field('devices', 'allowWithoutSecret', 'boolean', 'settings.security.allowWithoutSecret', {
        help: 'settings.security.allowWithoutSecretHelp',
      }),
      field('actions', 'remoteCode', 'boolean', 'settings.security.remoteCode', {
        help: 'settings.security.remoteCodeHelp',
      }),
      timeout(
        'locks',
        'confirmTimeoutMs',
        'settings.security.confirmTimeout',
        'settings.security.confirmTimeoutHelp',
      ),
    ],
  },
  joining: {
    id: 'joining',
    title: 'settings.joining.title',
    fields: [
      field('devices', 'handShakesPerMinutePerAddress', 'integer', 'settings.joining.handShakes', {
        help: 'settings.joining.handShakesHelp',
      }),
    ],
  },
  haDiscovery: {
    id: 'ha-discovery',
    title: 'settings.haDiscovery.title',
    fields: [
      field('discovery', 'homeAssistant', 'boolean', 'settings.haDiscovery.enabled', {
        help: 'settings.haDiscovery.enabledHelp',
      }),
      field('discovery', 'homeAssistantPrefix', 'text', 'settings.haDiscovery.prefix', {
        help: 'settings.haDiscovery.prefixHelp',
      }),
    ],
  },
  frigate: {
    id: 'frigate',
    title: 'settings.frigate.title',
    fields: [
      field('frigate', 'topicPrefix', 'text', 'settings.frigate.topicPrefix', {
        help: 'settings.frigate.topicPrefixHelp',
      }),
      field('frigate', 'labels', 'words', 'settings.frigate.labels', {
        help: 'settings.frigate.labelsHelp',
      }),
      field('frigate', 'knownFacesAreNotStrangers', 'boolean', 'settings.frigate.knownFaces', {
        help: 'settings.frigate.knownFacesHelp',
      }),
    ],
  },
  notify: {
    id: 'notify',
    title: 'settings.notify.title',
    fields: [
      field('notify', 'webhookUrl', 'optional-text', 'settings.notify.webhook', {
        help: 'settings.notify.webhookHelp',
      }),
    ],
  },
  pictures: {
    id: 'pictures',
    title: 'settings.pictures.title',
    fields: [
      quantity('strangers', 'maxPictureBytes', 'settings.retention.maxPicture', 'bytes', true, [
        'KB',
        'MB',
      ]),
      quantity(
        'strangers',
        'mergeWindowSeconds',
        'settings.retention.mergeWindow',
        'seconds',
        true,
        ['seconds', 'minutes'],
        'settings.retention.mergeWindowHelp',
      ),
      quantity('strangers', 'linkMinutes', 'settings.retention.linkMinutes', 'minutes', true, [
        'minutes',
        'hours',
      ]),
    ],
  },
  actionLimits: {
    id: 'action-limits',
    title: 'settings.actionLimits.title',
    fields: [
      quantity('actions', 'callTimeoutMs', 'settings.actionLimits.callTimeout', 'ms', true, [
        'seconds',
      ]),
      quantity('actions', 'memoryMb', 'settings.actionLimits.memory', 'MB', true, ['MB', 'GB']),
    ],
  },
  broker: {
    id: 'broker',
    title: 'settings.broker.title',
    fields: [
      field('broker', 'maxConnections', 'integer', 'settings.broker.maxConnections'),
      field('broker', 'maxConnectionsPerAddress', 'integer', 'settings.broker.maxPerAddress'),
      quantity('broker', 'maxPacketBytes', 'settings.broker.maxPacket', 'bytes', true, [
        'bytes',
        'KB',
        'MB',
      ]),
      timeout('broker', 'connectTimeoutMs', 'settings.broker.connectTimeout'),
      quantity('broker', 'maxKeepAliveSeconds', 'settings.broker.keepAlive', 'seconds', true, [
        'seconds',
        'minutes',
        'hours',
      ]),
    ],
  },
  http: {
    id: 'http',
    title: 'settings.http.title',
    fields: [
      field('http', 'allowedHosts', 'lines', 'settings.http.allowedHosts', {
        help: 'settings.http.allowedHostsHelp',
      }),
      field('http', 'allowedOrigins', 'lines', 'settings.http.allowedOrigins', {
        help: 'settings.http.allowedOriginsHelp',
      }),
      field('http', 'maxSocketsPerAddress', 'integer', 'settings.http.maxSockets'),
      timeout('http', 'headersTimeoutMs', 'settings.http.headersTimeout'),
      field('discovery', 'mdns', 'boolean', 'settings.http.mdns', {
        help: 'settings.http.mdnsHelp',
      }),
    ],
  },
} satisfies Record<string, GroupDef>;

/** Every group the hub's settings form holds (the desktop one only in the desktop window). */
export function allGroups(desktop: boolean): GroupDef[] {
  return [...everydayGroups, ...(desktop ? [desktopGroup] : []), ...Object.values(advancedGroups)];
}

export const fieldId = (def: FieldDef): string => `${def.section}.${def.key}`;

/** The id of the field's input, for its label and for focusing it when the hub refused it. */
export const inputId = (def: FieldDef): string =>
  `setting-${def.section}-${def.key.replace(/\./g, '-')}`;
