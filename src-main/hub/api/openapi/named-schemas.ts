// The shapes the OpenAPI description names in `components.schemas`: those that several answers,
// events or routes share, so that a client generator makes one type for each. Everything here is
// the very schema the hub validates or types its answers with.
import { z } from 'zod';
import {
  DeviceIdParamSchema,
  DeviceViewSchema,
  PermitJoinSchema,
} from '../../../shared/devices.js';
import { ApiErrorBodySchema } from '../../../shared/errors.js';
import {
  BrokerConnectionSchema,
  eventDataSchemas,
  hubEventTypes,
  WarningDataSchema,
  type HubEventType,
} from '../../../shared/events.js';
import {
  ActionInfoSchema,
  ActionNameSchema,
  hubOperations,
  HubInfoSchema,
  HubStatusSchema,
} from '../../../shared/hub-api.js';
import { MessageParamsSchema } from '../../../shared/messages/define-messages.js';
import {
  ActionFiguresSchema,
  ActionFileNameSchema,
  ActionFileStatusSchema,
  ActionProblemSchema,
} from '../../../shared/operations/actions.js';
import { AuditEntrySchema, LockAllResultSchema } from '../../../shared/operations/locks.js';
import { ActivityEntrySchema, SettingsViewSchema } from '../../../shared/operations/settings.js';
import {
  PictureUploadAnswerSchema,
  StrangerIdSchema,
  StrangerSchema,
} from '../../../shared/operations/strangers.js';
import { ImportChangesSchema } from '../../../shared/operations/tokens.js';
import { WhoSchema } from '../../../shared/who.js';

/** `device_joined` → `DeviceJoinedEvent`. */
export const eventSchemaName = (type: HubEventType): string =>
  `${type.replace(/(^|_)([a-z])/g, (_m, _sep, letter: string) => letter.toUpperCase())}Event`;

/** Each event as it goes out on SSE (`data:`) and MQTT: `{"type","at","data"}`. */
const eventSchemas = Object.fromEntries(
  hubEventTypes.map((type) => [
    eventSchemaName(type),
    z
      .object({
        type: z.literal(type),
        at: z.string().describe('ISO 8601 time the hub emitted it'),
        data: eventDataSchemas[type],
      })
      .describe(`The \`${type}\` event (SSE \`event: ${type}\`, MQTT hearth/events/${type}).`),
  ]),
) as Record<string, z.ZodObject>;

export const HubEventUnionSchema = z
  .discriminatedUnion('type', Object.values(eventSchemas) as [z.ZodObject, ...z.ZodObject[]])
  .describe('Any hub event; `type` says which, and is also the SSE `event:` name.');

export const outputSchemas: Record<string, z.ZodType> = {
  Error: ApiErrorBodySchema,
  MessageParams: MessageParamsSchema,
  Who: WhoSchema,
  HubInfo: HubInfoSchema,
  HubStatus: HubStatusSchema,
  BrokerConnection: BrokerConnectionSchema,
  Warning: WarningDataSchema,
  ActionInfo: ActionInfoSchema,
  ActionFigures: ActionFiguresSchema,
  ActionFileStatus: ActionFileStatusSchema,
  ActionProblem: ActionProblemSchema,
  ActionFileHash: hubOperations.confirmActionFile.output,
  Device: DeviceViewSchema,
  PermitJoin: PermitJoinSchema,
  LockConfirmation: hubOperations.lockDevice.output,
  LockAllResult: LockAllResultSchema,
  AuditEntry: AuditEntrySchema,
  ActivityEntry: ActivityEntrySchema,
  Settings: SettingsViewSchema,
  Stranger: StrangerSchema,
  PictureUploadAnswer: PictureUploadAnswerSchema,
  Token: hubOperations.currentToken.output,
  ImportChanges: ImportChangesSchema,
  DeviceEventData: eventDataSchemas.device_joined,
  ...eventSchemas,
  HubEvent: HubEventUnionSchema,
};

/** The path parameters with a pattern the hub enforces (400 otherwise). */
export const inputSchemas: Record<string, z.ZodType> = {
  DeviceId: DeviceIdParamSchema,
  StrangerId: StrangerIdSchema,
  ActionName: ActionNameSchema,
  ActionFileName: ActionFileNameSchema,
};

/** An example of each, for readers (and to tell whether an operation needs a body). */
export const inputExamples: Record<keyof typeof inputSchemas, string> = {
  DeviceId: 'front-door',
  StrangerId: '5f0c2a9e1b7d4c3a8e6f1d20',
  ActionName: 'ping',
  ActionFileName: 'night-rules.mjs',
};
