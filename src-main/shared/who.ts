// Who did something, as the family would say it: the owner at this PC, the owner's token,
// a paired phone by its name, a device, a connected system, a rule in an action file, or the
// hub by itself. Never a token id or a transport: the panel words each kind, the name included.
import { z } from 'zod';

export const WhoSchema = z.discriminatedUnion('kind', [
  /** The desktop window, on the hub's own computer. */
  z.object({ kind: z.literal('owner_pc') }),
  /** The admin token, or (`via`) a browser the owner signed in with it ("Chrome on Linux"). */
  z.object({ kind: z.literal('owner'), via: z.string().optional() }),
  /** Any other token, by the name it was given ("Anna's phone"). */
  z.object({ kind: z.literal('token'), name: z.string() }),
  z.object({ kind: z.literal('device'), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal('integration'), name: z.string() }),
  /** An action from an action file, e.g. a rule that locks at night. */
  z.object({ kind: z.literal('rule'), rule: z.string() }),
  /** The hub by itself: auto-relock, a timer. */
  z.object({ kind: z.literal('hub') }),
  /** An MQTT client the hub does not know (yet), by the client id it sent. */
  z.object({ kind: z.literal('client'), id: z.string() }),
]);

export type Who = z.infer<typeof WhoSchema>;
export type WhoKind = Who['kind'];
export const whoKinds = WhoSchema.options.map((option) => option.shape.kind.value) as WhoKind[];
