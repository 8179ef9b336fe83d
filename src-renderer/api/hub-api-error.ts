// One error type for both transports, carrying the hub's error code (contract section 3) so
// the panel can react to `unauthorized` the same way over HTTP and IPC.
import {
  MessageParamsSchema,
  type MessageParams,
} from '../../src-main/shared/messages/define-messages.js';

/** `network` is ours: the hub could not be reached at all. */
export const NETWORK_ERROR = 'network';

export class HubApiError extends Error {
  override readonly name = 'HubApiError';
  readonly code: string;
  /** HTTP status, or null over IPC and for network failures. */
  readonly status: number | null;
  /** What the panel's sentence for `code` needs (a lock's name); see error-text.ts. */
  readonly params: MessageParams;

  constructor(code: string, message: string, status: number | null = null, params?: MessageParams) {
    super(message);
    this.code = code;
    this.status = status;
    this.params = params ?? {};
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HubApiError && (error.code === 'unauthorized' || error.status === 401);
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof HubApiError && error.code === NETWORK_ERROR;
}

/** Reads `{"error":{"code","message","params"}}` without trusting its shape. */
export function errorFromBody(body: unknown, status: number): HubApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown; params?: unknown } } | null)
    ?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error?.message === 'string' ? error.message : `The hub answered with status ${status}.`;
  const params = MessageParamsSchema.safeParse(error?.params);
  return new HubApiError(code, message, status, params.success ? params.data : undefined);
}
