// The shape of state.json, version 1. Objects are strict so a typo'd key ("maxConection") is
// reported instead of silently ignored; every setting has a default, so a later issue adds a
// settings section by adding it here with defaults (and bumping CURRENT_STATE_VERSION with an
// identity migration, so that an older Hearth refuses the file instead of quarantining it).
import { randomUUID } from 'node:crypto';
import { z } from 'zod';

export const CURRENT_STATE_VERSION = 1;

const MiB = 1024 * 1024;

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
    .default(8 * MiB),
  connectTimeoutMs: z.number().int().min(100).max(600_000).default(10_000),
  // MQTT keep-alive is a 16-bit number of seconds.
  maxKeepAliveSeconds: z.number().int().min(1).max(65_535).default(3600),
});

export const SettingsSchema = z.strictObject({
  // prefault: a missing section is parsed from {} so each field takes its own default.
  broker: BrokerSettingsSchema.prefault({}),
});

export type BrokerSettings = z.infer<typeof BrokerSettingsSchema>;
export type Settings = z.infer<typeof SettingsSchema>;

export const HubStateSchema = z.strictObject({
  version: z.literal(CURRENT_STATE_VERSION),
  hubId: z.uuid(),
  name: z.string().trim().min(1).max(64),
  adminTokenHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/, 'must be a hex SHA-256')
    .nullable(),
  settings: SettingsSchema.prefault({}),
});

export type HubState = z.infer<typeof HubStateSchema>;

export function defaultState(): HubState {
  return {
    version: CURRENT_STATE_VERSION,
    hubId: randomUUID(),
    name: 'Hearth',
    adminTokenHash: null,
    settings: SettingsSchema.parse({}),
  };
}

/** One line naming each problem, for logs, warnings and StateValidationError. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `${issue.path.length > 0 ? issue.path.join('.') : '(root)'}: ${issue.message}`)
    .join('; ');
}
