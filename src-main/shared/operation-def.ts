// The shape of one HubApi operation: its schemas, who may call it, and its HTTP route.
import { z } from 'zod';

/** Who may call an operation: `none` (anyone), `control`, `admin` (contract 3.2). */
export type Scope = 'none' | 'control' | 'admin';

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  scope: Scope;
  input: I;
  output: O;
  http: { method: 'get' | 'post' | 'patch' | 'delete'; path: string };
}

export function op<I extends z.ZodType, O extends z.ZodType>(
  def: OperationDef<I, O>,
): OperationDef<I, O> {
  return def;
}

// Unknown query parameters (a cache-buster, say) are ignored rather than refused.
export const NoInput = z.object({});

/** `?limit=&before=` paging, as strings in a query. */
export const PageInput = z.object({
  limit: z.coerce.number().int().min(1).max(500).default(50),
  before: z.coerce.number().int().min(1).optional(),
});
