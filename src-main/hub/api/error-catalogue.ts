// ApiError: what routes and handlers throw, with a code from the shared catalogue
// (src-main/shared/messages/http-errors.ts); the error handler turns it into the JSON shape.
import { errorCatalogue, type ErrorCode } from '../../shared/messages/http-errors.js';
import type { MessageParams } from '../../shared/messages/define-messages.js';

export { errorCatalogue, type ErrorCode };

export class ApiError extends Error {
  override readonly name = 'ApiError';
  readonly status: number;

  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** For the panel's own sentence (see httpErrorParams, and action problems for runAction). */
    readonly params?: MessageParams,
  ) {
    super(message ?? errorCatalogue[code].message);
    this.status = errorCatalogue[code].status;
  }
}
