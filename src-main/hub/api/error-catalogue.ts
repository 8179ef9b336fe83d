// ApiError: what routes and handlers throw, with a code from the shared catalogue
// (src-main/shared/messages/http-errors.ts); the error handler turns it into the JSON shape.
import { errorCatalogue, type ErrorCode } from '../../shared/messages/http-errors.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';

export { errorCatalogue, type ErrorCode };

const DETAILED = new Set<ErrorCode>(['invalid_input', 'bad_request']);

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly code: ErrorCode;
  readonly status: number;

  /** For the panel's own sentence (see httpErrorParams, and action problems for runAction). */
  readonly params?: MessageParams;

  constructor(code: ErrorCode, message?: string, params?: MessageParams) {
    super(message ?? errorCatalogue[code].message);
    this.code = code;
    this.status = errorCatalogue[code].status;
    // What input was refused, and why, is what the person must fix: it goes along as it is.
    const detailed =
      message !== undefined && message !== errorCatalogue[code].message && DETAILED.has(code);
    this.params = detailed ? { detail: message, ...params } : params;
  }
}
