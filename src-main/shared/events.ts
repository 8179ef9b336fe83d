// Events the hub emits. The same objects go out on MQTT (hearth/events/<type>), SSE
// (`event: <type>`) and Electron IPC, so every viewer sees the same thing (contract 3.3).
import { z } from 'zod';
import { AvailabilitySchema, DeviceViewSchema, PermitJoinSchema } from './devices.js';
import { MessageParamsSchema } from './messages/define-messages.js';
import { StrangerSchema } from './operations/strangers.js';
import { WhoSchema } from './who.js';

/** `code` is one of warningCodes (messages/warnings.ts); `message` is the hub's English. */
export const WarningDataSchema = z.object({
  code: z.string(),
  message: z.string(),
  params: MessageParamsSchema,
});

/** Whether the hub can reach its MQTT broker (always connected when it is the embedded one). */
export const BrokerConnectionSchema = z.object({
  state: z.enum(['connected', 'connecting', 'unavailable', 'displaced']),
  since: z.string(),
  error: z.string().nullable(),
});

/**
 * `code` is the coarse kind clients match on (actionErrorCategories); `problem` and `params` say
 * exactly what went wrong (actionProblems, messages/action-errors.ts); `by` who asked.
 */
export const ActionErrorDataSchema = z.object({
  action: z.string(),
  code: z.string(),
  message: z.string(),
  caller: z.string(),
  problem: z.string(),
  params: MessageParamsSchema,
  by: WhoSchema.nullable(),
});

const DeviceEventDataSchema = z.object({ device: DeviceViewSchema });

export const eventDataSchemas = {
  warning: WarningDataSchema,
  broker_connection: BrokerConnectionSchema,
  action_error: ActionErrorDataSchema,
  device_joined: DeviceEventDataSchema,
  device_pending: DeviceEventDataSchema,
  device_rejected: DeviceEventDataSchema,
  device_updated: DeviceEventDataSchema,
  device_left: z.object({ id: z.string(), name: z.string(), reason: z.string() }),
  availability: z.object({ id: z.string(), availability: AvailabilitySchema }),
  device_state: z.object({
    id: z.string(),
    state: z.string(),
    battery: z.number().int().nullable(),
  }),
  permit_join: PermitJoinSchema,
  lock_state: z.object({
    id: z.string(),
    state: z.string(),
    previous: z.string(),
    battery: z.number().int().nullable(),
  }),
  lock_command: z.object({
    id: z.string(),
    command: z.string(),
    source: z.string(),
    result: z.string(),
    ms: z.number(),
    by: WhoSchema,
  }),
  stranger: StrangerSchema,
} as const;

export type HubEventType = keyof typeof eventDataSchemas;
export const hubEventTypes = Object.keys(eventDataSchemas) as HubEventType[];

export type HubEventData<T extends HubEventType> = z.infer<(typeof eventDataSchemas)[T]>;

export interface HubEvent<T extends HubEventType = HubEventType> {
  type: T;
  /** ISO 8601 time the hub emitted it. */
  at: string;
  data: HubEventData<T>;
}

export const HubEventSchema = z.object({
  type: z.enum(hubEventTypes as [HubEventType, ...HubEventType[]]),
  at: z.string(),
  data: z.unknown(),
});
