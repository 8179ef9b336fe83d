// HubApi: the one contract of the hub's operations. The Electron IPC handlers (main.ts), the
// preload's window.hub, the HTTP routes, request validation, the OpenAPI description and both
// renderer clients are all generated from this table, so they cannot drift apart.
import { z } from 'zod';
import { BrokerConnectionSchema, WarningDataSchema } from './events.js';

import { op, NoInput } from './operation-def.js';
import { actionFileOperations, ActionFiguresSchema } from './operations/actions.js';
import { deviceOperations } from './operations/devices.js';
import { integrationOperations } from './operations/integrations.js';
import { lockOperations } from './operations/locks.js';
import { tokenOperations } from './operations/tokens.js';
import { settingsOperations } from './operations/settings.js';
import { strangerOperations } from './operations/strangers.js';

export type { OperationDef, Scope } from './operation-def.js';

export const HubInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  ports: z.object({
    mqtt: z.number().int().nullable(),
    mqtts: z.number().int().nullable(),
    ws: z.number().int().nullable(),
    http: z.number().int().nullable(),
    https: z.number().int().nullable(),
  }),
  tlsFingerprint: z
    .string()
    .nullable()
    .describe(
      'SHA-256 fingerprint of the certificate on the MQTT-over-TLS and HTTPS ports, for pinning',
    ),
  tlsSpkiPin: z
    .string()
    .nullable()
    .describe(
      'The same certificate\'s public-key pin, "sha256/<base64>" of its SubjectPublicKeyInfo, as phone pinning APIs take it',
    ),
  broker: z.string().describe('"embedded", or the URL of the external broker (no credentials)'),
  brokerConnection: BrokerConnectionSchema.describe(
    'Whether the hub can reach its broker (always connected when embedded); "displaced": another hub holds the external broker\'s hearth/ topics',
  ),
  startedAt: z.string(),
});

export const HubStatusSchema = z.object({
  uptimeSeconds: z.number(),
  broker: z.object({
    connectedClients: z.number().int(),
    connection: BrokerConnectionSchema,
  }),
  /** Open Server-Sent Event streams (phones and browsers watching). */
  eventStreams: z.number().int(),
  warnings: z.array(WarningDataSchema.extend({ at: z.string() })),
});

export const ActionNameSchema = z
  .string()
  .regex(/^[a-zA-Z0-9_-]{1,64}$/, 'an action name is 1-64 of a-z 0-9 _ -');

export const ActionInfoSchema = z.object({
  name: z.string(),
  description: z.string(),
  permission: z.enum(['anyone', 'control', 'admin']),
  devicesMayRun: z.boolean(),
  source: z.string().describe('"built-in", or the action file it comes from'),
  figures: ActionFiguresSchema.describe('calls, errors, last error, mean and worst ms'),
});

export const hubOperations = {
  getInfo: op({
    summary: 'Name, version, ports and broker of the hub. Needs no token; holds no secrets.',
    scope: 'none',
    input: NoInput,
    output: HubInfoSchema,
    http: { method: 'get', path: '/api/v1/info' },
  }),
  listActions: op({
    summary: 'The action table: every action a message or this API can run, and who may run it.',
    scope: 'control',
    input: NoInput,
    output: z.object({ actions: z.array(ActionInfoSchema) }),
    http: { method: 'get', path: '/api/v1/actions' },
  }),
  runAction: op({
    summary: 'Runs an action as if its words had arrived on hearth/action; returns its reply.',
    scope: 'control',
    input: z.object({
      name: ActionNameSchema,
      args: z.array(z.string().max(4096)).max(64).default([]),
    }),
    output: z.object({ reply: z.string().nullable() }),
    http: { method: 'post', path: '/api/v1/actions/:name/run' },
    errors: ['unknown_action', 'forbidden', 'action_failed', 'bad_request'],
  }),
  getStatus: op({
    summary: 'Uptime, broker load and the warnings the owner should see.',
    scope: 'control',
    input: NoInput,
    output: HubStatusSchema,
    http: { method: 'get', path: '/api/v1/status' },
  }),
  ...deviceOperations,
  ...lockOperations,
  ...integrationOperations,
  ...settingsOperations,
  ...strangerOperations,
  ...tokenOperations,
  ...actionFileOperations,
} as const;

export type HubOperations = typeof hubOperations;
export type OperationName = keyof HubOperations;
export const operationNames = Object.keys(hubOperations) as OperationName[];

export type OperationInput<K extends OperationName> = z.input<HubOperations[K]['input']>;
export type OperationOutput<K extends OperationName> = z.infer<HubOperations[K]['output']>;

export type HubInfo = z.infer<typeof HubInfoSchema>;
export type HubStatus = z.infer<typeof HubStatusSchema>;
export type ActionInfo = z.infer<typeof ActionInfoSchema>;

/** The client side of HubApi: what window.hub and the HTTP client both implement. */
export type HubApiClient = {
  [K in OperationName]: (input: OperationInput<K>) => Promise<OperationOutput<K>>;
};

/** IPC channel names, one per operation plus the event stream (allow-listed in main.ts). */
export const ipcChannel = (name: OperationName): string => `hub:${name}`;
export const IPC_EVENT_CHANNEL = 'hub:event';
