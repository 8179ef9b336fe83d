// The shape of one HubApi operation: its schemas, who may call it, and its HTTP route.
import { z } from 'zod';
import type { ErrorCode } from './messages/http-errors.js';

/** Who may call an operation: `none` (anyone), `control`, `admin` (contract 3.2). */
export type Scope = 'none' | 'control' | 'admin';

export interface OperationDef<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  summary: string;
  scope: Scope;
  input: I;
  output: O;
  http: { method: 'get' | 'post' | 'patch' | 'delete'; path: string };
  /**
   * The error codes the handler itself can answer with (an unknown device, an offline lock).
   * Those that follow from the route are added by the OpenAPI description on its own: the scope
   * (401, 403, 429), input validation and bodies (400, 413, 415), saving the state (507). The API
   * tests check every error they receive against this list, so a missing code fails them.
   */
  errors?: readonly ErrorCode[];
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
