// The messages between the hub and the action sandbox's worker thread. The worker runs
// untrusted code (inside its engine), so everything it sends is parsed with these schemas on
// the hub side before it is believed.
import { z } from 'zod';

/** What an action receives as its first parameter (the "message"). */
export interface ActionMessage {
  topic: string;
  payload: string;
  bytes: Uint8Array;
  args: string[];
  sender: string;
}

/** What the host found in one action file. */
export interface FileReport {
  functions: Array<{ exportName: string; actionName: string | null; length: number }>;
  others: Array<{ exportName: string; type: string }>;
  devices: unknown;
  /** The other action files it imported (directly or not), for reloading it when they change. */
  imports?: string[];
}

/** Read at every call, so a changed setting applies at once. */
export interface CallLimits {
  budgetMs: number;
  memoryMb: number;
}

export type HubToHost =
  | {
      type: 'inspect';
      id: number;
      file: string;
      version: number;
      source: string;
      limits: CallLimits;
    }
  /** A new worker gets every file that was loaded before, without an answer. */
  | { type: 'restore'; file: string; version: number; source: string; limits: CallLimits }
  | { type: 'unload'; file: string }
  | {
      type: 'call';
      id: number;
      file: string;
      version: number;
      exportName: string;
      message: ActionMessage;
      limits: CallLimits;
    }
  | { type: 'api-result'; id: number; ok: true; value: unknown }
  | { type: 'api-result'; id: number; ok: false; error: string };

/** The hub API calls an action may make; checked again on the hub side. */
export const ApiOpSchema = z.enum(['publish', 'devices', 'lock', 'unlock', 'get', 'set', 'log']);
export type ApiOp = z.infer<typeof ApiOpSchema>;

const Id = z.number().int().nonnegative();
/** Set when the engine stopped the code for its time budget or its memory cap. */
const Stopped = z.enum(['time', 'memory']).optional();

export const HostToHubSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ready') }),
  z.object({
    type: z.literal('inspected'),
    id: Id,
    ok: z.boolean(),
    error: z.string().max(4096).optional(),
    stopped: Stopped,
    report: z
      .object({
        functions: z
          .array(
            z.object({
              exportName: z.string().max(256),
              actionName: z.string().max(256).nullable(),
              length: z.number().int().nonnegative(),
            }),
          )
          .max(1000),
        others: z
          .array(z.object({ exportName: z.string().max(256), type: z.string().max(32) }))
          .max(1000),
        devices: z.unknown(),
        imports: z.array(z.string().max(256)).max(1000).optional(),
      })
      .optional(),
  }),
  z.object({
    type: z.literal('result'),
    id: Id,
    ok: z.boolean(),
    reply: z.string().nullable().optional(),
    error: z.string().max(4096).optional(),
    stopped: Stopped,
  }),
  z.object({
    type: z.literal('api'),
    id: Id,
    callId: Id,
    op: ApiOpSchema,
    args: z.array(z.unknown()).max(4),
  }),
  z.object({ type: z.literal('stray-error'), error: z.string().max(4096) }),
]);
export type HostToHub = z.infer<typeof HostToHubSchema>;
