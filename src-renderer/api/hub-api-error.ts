// One error type for both transports, carrying the hub's error code (contract section 3) so
// the panel can react to `unauthorized` the same way over HTTP and IPC.

/** `network` is ours: the hub could not be reached at all. */
export const NETWORK_ERROR = 'network';

export class HubApiError extends Error {
  override readonly name = 'HubApiError';
  readonly code: string;
  /** HTTP status, or null over IPC and for network failures. */
  readonly status: number | null;

  constructor(code: string, message: string, status: number | null = null) {
    super(message);
    this.code = code;
    this.status = status;
  }
}

export function isUnauthorized(error: unknown): boolean {
  return error instanceof HubApiError && (error.code === 'unauthorized' || error.status === 401);
}

export function isNetworkError(error: unknown): boolean {
  return error instanceof HubApiError && error.code === NETWORK_ERROR;
}

/** Reads `{"error":{"code","message"}}` without trusting its shape. */
export function errorFromBody(body: unknown, status: number): HubApiError {
  const error = (body as { error?: { code?: unknown; message?: unknown } } | null)?.error;
  const code = typeof error?.code === 'string' ? error.code : `http_${status}`;
  const message =
    typeof error?.message === 'string' ? error.message : `The hub answered with status ${status}.`;
  return new HubApiError(code, message, status);
}
