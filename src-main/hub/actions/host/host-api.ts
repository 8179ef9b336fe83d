// The hub API an action may use, as the hub checks it: every call from the host arrives here
// over IPC and is validated again, because the host runs code the hub does not trust.
import { z } from 'zod';
import type { Logger } from '../../log.js';
import type { CommandResult, CommandWord, Requester } from '../../locks/lock-types.js';
import type { ActionStore } from './action-store.js';
import type { CallOwner } from './host-call.js';
import type { ApiOp } from './host-protocol.js';

export interface HostApi {
  handle(owner: CallOwner & { kind: 'action' }, op: ApiOp, args: unknown[]): Promise<unknown>;
}

export interface HostApiServices {
  publish(topic: string, payload: string | Buffer): Promise<void>;
  /** The registered devices, as the API shows them (no secrets). */
  devices(): unknown[];
  command(id: string, command: CommandWord, who: Requester): Promise<CommandResult>;
  store: ActionStore;
  log: Logger;
}

export const MAX_PUBLISH_BYTES = 256 * 1024;

const Topic = z
  .string()
  .min(1)
  .max(256)
  .refine(
    (topic) => !/[+#]/.test(topic) && !topic.includes('\0'),
    'a topic to publish has no wildcards',
  )
  .refine(
    (topic) => !topic.startsWith('$') && !/^hearth(\/|$)/i.test(topic),
    'actions never publish under hearth/ or $',
  );
const Payload = z.union([
  z.string().refine((text) => Buffer.byteLength(text) <= MAX_PUBLISH_BYTES, 'payload too large'),
  z
    .instanceof(Uint8Array)
    .refine((bytes) => bytes.length <= MAX_PUBLISH_BYTES, 'payload too large'),
]);
const LockId = z.string().min(1).max(64);

export function createHostApi(services: HostApiServices): HostApi {
  return {
    async handle(owner, op, args) {
      const who: Requester = {
        source: 'action',
        actor: `action ${owner.file}:${owner.name}`,
        by: { kind: 'rule', rule: owner.name },
      };
      switch (op) {
        case 'publish': {
          const [topic, payload] = check('publish', z.tuple([Topic, Payload]), args.slice(0, 2));
          await services.publish(
            topic,
            typeof payload === 'string' ? payload : Buffer.from(payload),
          );
          return null;
        }
        case 'devices':
          return services.devices();
        case 'lock':
        case 'unlock': {
          const id = check(op, LockId, args[0]);
          const result = await services.command(id, op === 'lock' ? 'LOCK' : 'UNLOCK', who);
          return result.ok
            ? { ok: true, state: result.state, ms: result.ms }
            : { ok: false, state: result.state, code: result.code, message: result.message };
        }
        case 'get':
          return services.store.get(owner.name, check('store.get', z.string(), args[0]));
        case 'set':
          services.store.set(owner.name, check('store.set', z.string(), args[0]), args[1]);
          return null;
        case 'log':
          services.log.info(`[${owner.file}:${owner.name}] ${String(args[0]).slice(0, 2000)}`);
          return null;
      }
    },
  };
}

/** Parses or throws one readable line (the action sees it as its error). */
function check<T>(what: string, schema: z.ZodType<T>, value: unknown): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`${what}: ${parsed.error.issues.map((issue) => issue.message).join('; ')}`);
}
