// Settings and the activity history (contract 3.2).
import { z } from 'zod';
import { MessageParamsSchema } from '../messages/define-messages.js';
import { NoInput, PageInput, op } from '../operation-def.js';
import { WhoSchema } from '../who.js';

export const SettingsViewSchema = z.object({
  broker: z.object({
    maxConnections: z.number().int(),
    maxConnectionsPerAddress: z.number().int(),
    maxPacketBytes: z.number().int(),
    connectTimeoutMs: z.number().int(),
    maxKeepAliveSeconds: z.number().int(),
  }),
  devices: z.object({
    allowWithoutSecret: z.boolean(),
    handShakesPerMinutePerAddress: z.number().int(),
  }),
  locks: z.object({
    confirmTimeoutMs: z.number().int(),
    warnUnlockedAfterMinutes: z.number(),
    autoRelock: z.record(z.string(), z.number()),
  }),
  history: z.object({ retentionDays: z.number().int() }),
  strangers: z.object({
    maxPictureBytes: z.number().int(),
    retentionDays: z.number(),
    maxCount: z.number().int(),
    maxTotalBytes: z.number().int(),
    mergeWindowSeconds: z.number().int(),
    linkMinutes: z.number().int(),
  }),
  http: z.object({
    allowedHosts: z.array(z.string()),
    allowedOrigins: z.array(z.string()),
    maxSocketsPerAddress: z.number().int(),
    headersTimeoutMs: z.number().int(),
  }),
  notify: z.object({ webhookUrl: z.string().nullable() }),
  actions: z.object({
    remoteCode: z.boolean(),
    callTimeoutMs: z.number().int(),
    memoryMb: z.number().int(),
  }),
  discovery: z.object({
    mdns: z.boolean(),
    homeAssistant: z.boolean(),
    homeAssistantPrefix: z.string(),
  }),
  frigate: z.object({
    topicPrefix: z.string(),
    labels: z.array(z.string()),
    knownFacesAreNotStrangers: z.boolean(),
  }),
  desktop: z.object({
    startAtLogin: z.boolean(),
    askedStartAtLogin: z.boolean(),
    startHidden: z.boolean(),
    keepAwake: z.boolean(),
    notify: z.object({
      stranger: z.boolean(),
      jammedLock: z.boolean(),
      unlockedTooLong: z.boolean(),
      deviceWaiting: z.boolean(),
      lowBattery: z.boolean(),
      stateRecovered: z.boolean(),
    }),
  }),
});

/**
 * `kind` is one of activityKinds; `code` says exactly what happened, from the activity codes
 * (or, for kind `warning` / `action_error`, a warning code / action problem) with its `params`;
 * `by` is who did it. Entries written before codes existed have only `message` (English).
 */
export const ActivityEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  kind: z.string(),
  code: z.string().optional(),
  params: MessageParamsSchema.optional(),
  message: z.string(),
  actor: z.string().optional(),
  by: WhoSchema.optional(),
  address: z.string().optional(),
  data: z.record(z.string(), z.unknown()).optional(),
});

const Section = z.record(z.string(), z.unknown()).optional();

export const settingsOperations = {
  getSettings: op({
    summary: 'The hub settings.',
    scope: 'admin',
    input: NoInput,
    output: SettingsViewSchema,
    http: { method: 'get', path: '/api/v1/settings' },
  }),
  updateSettings: op({
    summary: 'Changes settings: the result is validated as a whole before anything changes.',
    scope: 'admin',
    // Each section is checked in full by the hub's settings schema after merging.
    input: z
      .object({
        broker: Section,
        devices: Section,
        locks: Section,
        history: Section,
        strangers: Section,
        http: Section,
        notify: Section,
        actions: Section,
        discovery: Section,
        frigate: Section,
        desktop: Section,
      })
      .strict(),
    output: SettingsViewSchema,
    http: { method: 'patch', path: '/api/v1/settings' },
  }),
  getDataFolder: op({
    summary:
      "The folder on the hub's computer that holds its state, history, pictures and action files (admin only: a path names the computer's user).",
    scope: 'admin',
    input: NoInput,
    output: z.object({ path: z.string().describe("absolute path on the hub's computer") }),
    http: { method: 'get', path: '/api/v1/data-folder' },
  }),
  listActivity: op({
    summary: 'Everything that happened apart from lock commands, refusals included; newest first.',
    scope: 'control',
    input: PageInput,
    output: z.object({ entries: z.array(ActivityEntrySchema) }),
    http: { method: 'get', path: '/api/v1/activity' },
  }),
} as const;
