// The JSON error shape of contract section 3, shared so that clients can read it.
import { z } from 'zod';
import { MessageParamsSchema } from './messages/define-messages.js';

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    /** The hub's English, for people reading the API; the panel words `code` itself. */
    message: z.string(),
    /** What the panel's sentence needs (a lock's name, a limit); absent when nothing is. */
    params: MessageParamsSchema.optional(),
  }),
});

export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
