// The JSON error shape of contract section 3, shared so that clients can read it.
import { z } from 'zod';

export const ApiErrorBodySchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
  }),
});

export type ApiErrorBody = z.infer<typeof ApiErrorBodySchema>;
