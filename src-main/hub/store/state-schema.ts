// The shape of state.json, version 1. Objects are strict so a typo'd key ("maxConection") is
// reported instead of silently ignored; every setting has a default, so a later issue adds a
// settings section by adding it here with defaults (and bumping CURRENT_STATE_VERSION with an
// identity migration, so that an older Hearth refuses the file instead of quarantining it).
import { BridgeMappingSchema } from '../../shared/bridge-mapping.js';
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const CURRENT_STATE_VERSION = 3;

const MiB = 1024 * 1024;

/** A device's id is its MQTT client id (contract 2.2). */
export const DeviceIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9._-]{1,64}$/, 'a device id is 1-64 of A-Z a-z 0-9 - _ .');

export const BrokerSettingsSchema = z.strictObject({
  maxConnections: z.number().int().min(1).max(1_000_000).default(1000),
  maxConnectionsPerAddress: z.number().int().min(1).max(1_000_000).default(64),
  // Applies once a client has sent CONNECT; cameras publish whole pictures, hence 8 MiB.
  // The ceiling is MQTT's own largest remaining length (268,435,455 bytes).
  maxPacketBytes: z
    .number()
    .int()
    .min(1024)
    .max(268_435_455)
    // A whole picture (strangers.maxPictureBytes, 8 MiB) plus its topic and header.
    .default(8 * MiB + 64 * 1024),
  connectTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
  // MQTT keep-alive is a 16-bit number of seconds.
  maxKeepAliveSeconds: z.number().int().min(1).max(65_535).default(3600),
});

export const DeviceSettingsSchema = z.strictObject({
  // Contract 2.3.6: for old devices that cannot keep a secret. Off unless the owner says so.
  allowWithoutSecret: z.boolean().default(false),
  // hand_shake messages one address may send in a minute before the rest are refused.
  handShakesPerMinutePerAddress: z.number().int().min(1).max(10_000).default(20),
});

export const LockSettingsSchema = z.strictObject({
  // How long a lock has to confirm a command (contract 2.4: default 5 s).
  confirmTimeoutMs: z.number().int().min(100).max(60_000).default(5_000),
  // A lock unlocked for longer than this raises the `unlocked_too_long` warning (the panel,
  // the phone's webhook and the desktop notification show it); 0 = never.
  warnUnlockedAfterMinutes: z
    .number()
    .min(0)
    .max(24 * 60)
    .default(30),
  // Per lock: lock it again this many minutes after it was unlocked. Off unless set.
  autoRelock: z
    .record(
      DeviceIdSchema,
      z
        .number()
        .min(0.01)
        .max(24 * 60),
    )
    .default({}),
});

const MiB_ = 1024 * 1024;
export const StrangerSettingsSchema = z.strictObject({
  // A picture larger than this is cut off while it arrives and not stored.
  maxPictureBytes: z
    .number()
    .int()
    .min(1024)
    .max(64 * MiB_)
    .default(8 * MiB_),
  // Privacy-minded retention: the oldest pictures go first when any limit is reached.
  retentionDays: z.number().min(1).max(3650).default(30),
  maxCount: z.number().int().min(1).max(1_000_000).default(10_000),
  maxTotalBytes: z
    .number()
    .int()
    .min(MiB_)
    .max(1024 * 1024 * MiB_)
    .default(2048 * MiB_),
  // Different pictures from one camera within this many seconds are one sighting; 0 = off.
  mergeWindowSeconds: z.number().int().min(0).max(3600).default(0),
  // How long a signed picture link works.
  linkMinutes: z
    .number()
    .int()
    .min(1)
    .max(24 * 60)
    .default(15),
});

export const HistorySettingsSchema = z.strictObject({
  // The audit log and the activity history keep this many days.
  retentionDays: z.number().int().min(1).max(3650).default(365),
});

export const HttpSettingsSchema = z.strictObject({
  // Host names (beyond IP addresses, localhost and this computer's own names) the API answers
  // to, e.g. a VPN name; anything else is refused, against DNS rebinding.
  allowedHosts: z.array(z.string().min(1).max(253)).max(32).default([]),
  // Web pages on other origins that may call the API from a browser (CORS). None by default.
  allowedOrigins: z.array(z.url()).max(32).default([]),
  // Against slow clients holding sockets open: sockets per address, and how long a client may
  // take to send its request headers.
  maxSocketsPerAddress: z.number().int().min(1).max(10_000).default(64),
  headersTimeoutMs: z.number().int().min(500).max(120_000).default(15_000),
});

export const NotifySettingsSchema = z.strictObject({
  // Away from home: events worth a phone notification are POSTed here (ntfy-compatible, e.g.
  // https://ntfy.sh/<topic> or a self-hosted ntfy). Off when null.
  webhookUrl: z
    .url({ protocol: /^https?$/ })
    .nullable()
    .default(null),
});

export const DiscoverySettingsSchema = z.strictObject({
  // Announce the hub on the LAN with mDNS (_hearth._tcp) so phones find it without an address.
  // `--no-mdns` turns it off whatever this says; a loopback-bound hub never announces.
  mdns: z.boolean().default(true),
  // Home Assistant MQTT discovery (issue 11): locks and cameras announced under this prefix
  // (ESPHome, Zigbee2MQTT, Tasmota, Nuki) appear as devices waiting for the owner's approval.
  homeAssistant: z.boolean().default(true),
  homeAssistantPrefix: z
    .string()
    .regex(
      /^[A-Za-z0-9_-]{1,64}(\/[A-Za-z0-9_-]{1,64}){0,3}$/,
      'a topic prefix such as homeassistant',
    )
    .default('homeassistant'),
});

// Frigate (issue 11): its events become stranger sightings, one per Frigate event.
export const FrigateSettingsSchema = z.strictObject({
  // Frigate's MQTT topic prefix (its `mqtt.topic_prefix`).
  topicPrefix: z
    .string()
    .regex(/^[A-Za-z0-9_-]{1,64}$/, 'a topic prefix such as frigate')
    .default('frigate'),
  // Which of Frigate's labels are a stranger.
  labels: z
    .array(z.string().regex(/^[a-z0-9_ -]{1,32}$/))
    .min(1)
    .max(16)
    .default(['person']),
  // A face Frigate recognised (its sub_label) is someone known, not a stranger.
  knownFacesAreNotStrangers: z.boolean().default(true),
});

// Read by the desktop app only (the headless hub keeps them for it, and they travel with the
// state export): start with the computer, start in the tray, keep the computer awake, and which
// desktop notifications to show.
export const DesktopNotifySchema = z.strictObject({
  stranger: z.boolean().default(true),
  jammedLock: z.boolean().default(true),
  unlockedTooLong: z.boolean().default(true),
  deviceWaiting: z.boolean().default(true),
  lowBattery: z.boolean().default(true),
  stateRecovered: z.boolean().default(true),
});

export const DesktopSettingsSchema = z.strictObject({
  startAtLogin: z.boolean().default(true),
  // The first run asks whether to start at login; the answer is kept here.
  askedStartAtLogin: z.boolean().default(false),
  startHidden: z.boolean().default(false),
  // A sleeping computer leaves the door unattended.
  keepAwake: z.boolean().default(true),
  notify: DesktopNotifySchema.prefault({}),
});

export const ActionSettingsSchema = z.strictObject({
  // The original hub's remote code (save_action_file / load_action_file): off unless the owner
  // turns it on, and even then sent code runs only after the owner confirms its SHA-256.
  remoteCode: z.boolean().default(false),
  // Each action call's time budget (the time its own code runs); the engine stops it past this.
  callTimeoutMs: z.number().int().min(50).max(60_000).default(1000),
  // The memory action code may use (each file's runtime, and all of them together); a change
  // restarts the sandbox at its next idle call. The engine's own ceiling is 2 GiB.
  memoryMb: z.number().int().min(16).max(4096).default(64),
});

export const SettingsSchema = z.strictObject({
  // prefault: a missing section is parsed from {} so each field takes its own default.
  broker: BrokerSettingsSchema.prefault({}),
  devices: DeviceSettingsSchema.prefault({}),
  locks: LockSettingsSchema.prefault({}),
  history: HistorySettingsSchema.prefault({}),
  strangers: StrangerSettingsSchema.prefault({}),
  http: HttpSettingsSchema.prefault({}),
  notify: NotifySettingsSchema.prefault({}),
  actions: ActionSettingsSchema.prefault({}),
  discovery: DiscoverySettingsSchema.prefault({}),
  frigate: FrigateSettingsSchema.prefault({}),
  desktop: DesktopSettingsSchema.prefault({}),
});

export type BrokerSettings = z.infer<typeof BrokerSettingsSchema>;
export type DeviceSettings = z.infer<typeof DeviceSettingsSchema>;
export type LockSettings = z.infer<typeof LockSettingsSchema>;
export type StrangerSettings = z.infer<typeof StrangerSettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;
export type DesktopSettings = z.infer<typeof DesktopSettingsSchema>;
export type DesktopNotifyKind = keyof z.infer<typeof DesktopNotifySchema>;

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256');
const IsoTime = z.iso.datetime();
const MosquittoHash = z
  .string()
  .regex(
    /^\$7\$\d{1,7}\$[A-Za-z0-9+/=]{1,64}\$[A-Za-z0-9+/=]{1,128}$/,
    'must be a Mosquitto $7$ hash',
  );

export const DeviceRecordSchema = z.strictObject({
  id: DeviceIdSchema,
  name: z.string().min(1).max(64),
  kind: z.enum(['lock', 'camera', 'sensor', 'other']),
  status: z.enum(['pending', 'approved', 'rejected']),
  /** The address its (last) hand_shake came from, shown to the owner. */
  address: z.string().max(64).nullable(),
  joinedAt: IsoTime,
  lastSeen: IsoTime.nullable(),
  /** The last state it reported, upper case (LOCKED, JAMMED, …). */
  state: z.string().max(32).nullable(),
  /** When it reported that state. */
  stateAt: IsoTime.nullable().default(null),
  battery: z.number().int().min(0).max(100).nullable(),
  /** Only the hash of its secret is kept (contract 2.3.3). */
  secretHash: Sha256Hex.nullable(),
  /** Whether it has logged in with the secret at least once (then it must always). */
  secretUsed: z.boolean(),
  /**
   * The same secret hashed as Mosquitto's password file and dynamic-security plugin take it
   * (`$7$`, PBKDF2-SHA512), for exporting to an external broker. Null for secrets issued before
   * Hearth kept it: such a device logs in there only after a re-pair.
   */
  brokerHash: MosquittoHash.nullable().default(null),
  /**
   * A device Hearth reaches through a bridge (Home Assistant discovery, Frigate): the topics and
   * payloads it uses instead of hearth/devices/<id>/…; null for Hearth's own devices.
   */
  bridge: BridgeMappingSchema.nullable().default(null),
});

export const TopicRightSchema = z.strictObject({
  filter: z.string().min(1).max(256),
  publish: z.boolean(),
  subscribe: z.boolean(),
});

export const IntegrationRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().min(1).max(64),
  secretHash: Sha256Hex,
  /** As for devices: its password in Mosquitto's form, for export. */
  brokerHash: MosquittoHash.nullable().default(null),
  rights: z.array(TopicRightSchema).min(1).max(64),
  createdAt: IsoTime,
});

/**
 * An API token other than the admin token (contract 3.2): a paired phone or script
 * (`paired`), or a browser's sign-in (`session`), which ends by itself after a while unused.
 */
export const TokenRecordSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9-]{1,64}$/),
  name: z.string().min(1).max(64),
  scope: z.enum(['admin', 'control']),
  kind: z.enum(['paired', 'session']),
  /** Sessions: the owner chose "Remember this computer" (kept longer unused). */
  remember: z.boolean(),
  hash: Sha256Hex,
  createdAt: IsoTime,
  lastUsedAt: IsoTime.nullable(),
});

export type DeviceRecord = z.infer<typeof DeviceRecordSchema>;
export type TokenRecord = z.infer<typeof TokenRecordSchema>;
export type IntegrationRecord = z.infer<typeof IntegrationRecordSchema>;
export type TopicRight = z.infer<typeof TopicRightSchema>;

export const HubStateSchema = z.strictObject({
  version: z.literal(CURRENT_STATE_VERSION),
  hubId: z.uuid(),
  name: z.string().trim().min(1).max(64),
  adminTokenHash: Sha256Hex.nullable(),
  settings: SettingsSchema.prefault({}),
  devices: z.record(DeviceIdSchema, DeviceRecordSchema).default({}),
  integrations: z.record(z.string(), IntegrationRecordSchema).default({}),
  tokens: z.record(z.string(), TokenRecordSchema).default({}),
});

export type HubState = z.infer<typeof HubStateSchema>;

export function defaultState(): HubState {
  return {
    version: CURRENT_STATE_VERSION,
    hubId: randomUUID(),
    name: 'Hearth',
    adminTokenHash: null,
    settings: SettingsSchema.parse({}),
    devices: {},
    integrations: {},
    tokens: {},
  };
}

/** One line naming each problem, for logs, warnings and StateValidationError. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
