// The hub settings as the panel groups them: which field of which hub section each form shows,
// its kind, label and unit. The hub checks every value (getSettings/updateSettings in
// src-main/shared/operations/settings.ts); the panel only turns text into numbers and lists
// (`lines`: one per line; `words`: separated by commas).
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { StringKey } from '../../i18n/catalogue/index.js';

export type HubSettings = OperationOutput<'getSettings'>;
export type SectionName = keyof HubSettings;
export type SettingsPatch = Partial<Record<SectionName, Record<string, unknown>>>;

export type FieldKind =
  'boolean' | 'integer' | 'number' | 'text' | 'optional-text' | 'lines' | 'words';

export interface FieldDef {
  section: SectionName;
  key: string;
  kind: FieldKind;
  label: StringKey;
  help?: StringKey;
  unit?: StringKey;
}

export interface GroupDef {
  id: string;
  title: StringKey;
  fields: FieldDef[];
}

const field = (
  section: SectionName,
  key: string,
  kind: FieldKind,
  label: StringKey,
  extra: { help?: StringKey; unit?: StringKey } = {},
): FieldDef => ({ section, key, kind, label, ...extra });

export const settingsGroups: GroupDef[] = [
  {
    id: 'security',
    title: 'settings.security.title',
    fields: [
      field('devices', 'allowWithoutSecret', 'boolean', 'settings.security.allowWithoutSecret', {
        help: 'settings.security.allowWithoutSecretHelp',
      }),
      field('actions', 'remoteCode', 'boolean', 'settings.security.remoteCode', {
        help: 'settings.security.remoteCodeHelp',
      }),
      field('locks', 'confirmTimeoutMs', 'integer', 'settings.security.confirmTimeout', {
        help: 'settings.security.confirmTimeoutHelp',
        unit: 'settings.unit.ms',
      }),
      field('locks', 'warnUnlockedAfterMinutes', 'number', 'settings.security.warnUnlocked', {
        help: 'settings.security.warnUnlockedHelp',
        unit: 'settings.unit.min',
      }),
    ],
  },
  {
    id: 'joining',
    title: 'settings.joining.title',
    fields: [
      field('devices', 'handShakesPerMinutePerAddress', 'integer', 'settings.joining.handShakes', {
        help: 'settings.joining.handShakesHelp',
      }),
    ],
  },
  {
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
  {
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
  {
    id: 'retention',
    title: 'settings.retention.title',
    fields: [
      field('history', 'retentionDays', 'integer', 'settings.retention.history', {
        unit: 'settings.unit.days',
      }),
      field('strangers', 'retentionDays', 'number', 'settings.retention.pictures', {
        unit: 'settings.unit.days',
      }),
      field('strangers', 'maxCount', 'integer', 'settings.retention.maxCount'),
      field('strangers', 'maxTotalBytes', 'integer', 'settings.retention.maxTotal', {
        unit: 'settings.unit.bytes',
      }),
      field('strangers', 'maxPictureBytes', 'integer', 'settings.retention.maxPicture', {
        unit: 'settings.unit.bytes',
      }),
      field('strangers', 'mergeWindowSeconds', 'integer', 'settings.retention.mergeWindow', {
        unit: 'settings.unit.s',
      }),
      field('strangers', 'linkMinutes', 'integer', 'settings.retention.linkMinutes', {
        unit: 'settings.unit.min',
      }),
    ],
  },
  {
    id: 'notify',
    title: 'settings.notify.title',
    fields: [
      field('notify', 'webhookUrl', 'optional-text', 'settings.notify.webhook', {
        help: 'settings.notify.webhookHelp',
      }),
    ],
  },
  {
    id: 'action-limits',
    title: 'settings.actionLimits.title',
    fields: [
      field('actions', 'callTimeoutMs', 'integer', 'settings.actionLimits.callTimeout', {
        unit: 'settings.unit.ms',
      }),
      field('actions', 'memoryMb', 'integer', 'settings.actionLimits.memory', {
        unit: 'settings.unit.mib',
      }),
    ],
  },
  {
    id: 'broker',
    title: 'settings.broker.title',
    fields: [
      field('broker', 'maxConnections', 'integer', 'settings.broker.maxConnections'),
      field('broker', 'maxConnectionsPerAddress', 'integer', 'settings.broker.maxPerAddress'),
      field('broker', 'maxPacketBytes', 'integer', 'settings.broker.maxPacket', {
        unit: 'settings.unit.bytes',
      }),
      field('broker', 'connectTimeoutMs', 'integer', 'settings.broker.connectTimeout', {
        unit: 'settings.unit.ms',
      }),
      field('broker', 'maxKeepAliveSeconds', 'integer', 'settings.broker.keepAlive', {
        unit: 'settings.unit.s',
      }),
    ],
  },
  {
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
      field('http', 'headersTimeoutMs', 'integer', 'settings.http.headersTimeout', {
        unit: 'settings.unit.ms',
      }),
      field('discovery', 'mdns', 'boolean', 'settings.http.mdns', {
        help: 'settings.http.mdnsHelp',
      }),
    ],
  },
];

/** Read by the desktop app only; shown in its window (DesktopCard). */
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

export const fieldId = (def: FieldDef): string => `${def.section}.${def.key}`;

export type Draft = Record<string, string | boolean>;

/** The form's text for each field, from the hub's values. */
export function draftOf(group: GroupDef, settings: HubSettings): Draft {
  const draft: Draft = {};
  for (const def of group.fields) {
    // A dotted key ("notify.stranger") reaches into a nested object of the section.
    const value = def.key
      .split('.')
      .reduce<unknown>(
        (inner, part) => (inner as Record<string, unknown> | undefined)?.[part],
        settings[def.section],
      );
    draft[fieldId(def)] =
      def.kind === 'boolean'
        ? value === true
        : def.kind === 'lines'
          ? (value as string[]).join('\n')
          : def.kind === 'words'
            ? (value as string[]).join(', ')
            : value === null || value === undefined
              ? ''
              : String(value);
  }
  return draft;
}

export type PatchResult =
  | { ok: true; patch: SettingsPatch }
  | { ok: false; problems: Record<string, 'integer' | 'number'> };

/** The PATCH body for one form; a field that is not a number is reported, not sent. */
export function patchOf(group: GroupDef, draft: Draft): PatchResult {
  const patch: SettingsPatch = {};
  const problems: Record<string, 'integer' | 'number'> = {};
  for (const def of group.fields) {
    const raw = draft[fieldId(def)];
    let value: unknown;
    if (def.kind === 'boolean') value = raw === true;
    else if (def.kind === 'lines') {
      value = String(raw)
        .split('\n')
        .map((line) => line.trim())
        .filter((line) => line !== '');
    } else if (def.kind === 'words') {
      value = String(raw)
        .split(',')
        .map((word) => word.trim())
        .filter((word) => word !== '');
    } else if (def.kind === 'text') value = String(raw).trim();
    else if (def.kind === 'optional-text') value = String(raw).trim() || null;
    else {
      const text = String(raw).trim();
      const pattern = def.kind === 'integer' ? /^-?\d+$/ : /^-?\d+(\.\d+)?$/;
      if (!pattern.test(text)) {
        problems[fieldId(def)] = def.kind;
        continue;
      }
      value = Number(text);
    }
    setPath((patch[def.section] ??= {}), def.key.split('.'), value);
  }
  return Object.keys(problems).length > 0 ? { ok: false, problems } : { ok: true, patch };
}

/**
 * Splits the hub's 400 message ("history.retentionDays: Too big: …; …") into the fields it
 * names, so each message can be shown beside its field.
 */
export function problemsByField(group: GroupDef, message: string): Record<string, string> {
  const found: Record<string, string> = {};
  for (const part of message.split('; ')) {
    for (const def of group.fields) {
      const id = fieldId(def);
      if (part.startsWith(`${id}:`) || part.startsWith(`${id}.`)) {
        found[id] = part.slice(part.indexOf(':') + 1).trim();
      }
    }
  }
  return found;
}

/** Sets `value` at a dotted path, making the objects on the way (the hub merges them). */
function setPath(target: Record<string, unknown>, path: string[], value: unknown): void {
  const [head, ...rest] = path;
  if (head === undefined) return;
  if (rest.length === 0) {
    target[head] = value;
    return;
  }
  const inner = (target[head] ??= {}) as Record<string, unknown>;
  setPath(inner, rest, value);
}
