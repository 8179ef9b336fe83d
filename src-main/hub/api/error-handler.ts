// Turns anything thrown in a route into the contract's JSON error shape, never a stack trace.
import type { ErrorRequestHandler, RequestHandler } from 'express';
import { z } from 'zod';
import type { Logger } from '../log.js';
import { StateWriteError } from '../store/state-store.js';
import { ApiError, errorCatalogue } from './error-catalogue.js';

export function notFoundHandler(): RequestHandler {
  return (_req, _res, next) => next(new ApiError('not_found'));
}

export function errorHandler(log: Logger): ErrorRequestHandler {
  return (error: unknown, req, res, _next) => {
    const apiError = toApiError(error);
    if (apiError.code === 'internal') {
      log.error('request failed', { method: req.method, path: req.path, error });
    }
    if (res.headersSent) {
      res.end();
      return;
    }
    const { code, message, params } = apiError;
    res.status(apiError.status).json({ error: { code, message, ...(params ? { params } : {}) } });
  };
}

function toApiError(error: unknown): ApiError {
  if (error instanceof ApiError) return error;
  if (error instanceof StateWriteError) return new ApiError('state_not_saved', error.message);
  if (error instanceof z.ZodError) return new ApiError('invalid_input', describeZodError(error));
  // body-parser marks its own errors with a `type`.
  const type = (error as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') return new ApiError('invalid_json');
  if (type === 'entity.too.large') {
    const limit = (error as { limit?: number }).limit;
    return new ApiError(
      'payload_too_large',
      limit ? `The body is larger than ${limit} bytes, the most this route accepts.` : undefined,
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new ApiError('unsupported_media_type', 'Send the body as UTF-8 JSON.');
  }
  const status = (error as { status?: unknown } | null)?.status;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new ApiError('bad_request', errorCatalogue.bad_request.message);
  }
  return new ApiError('internal');
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length > 0 ? `${issue.path.join('.')}: ` : '') + issue.message)
    .join('; ');
}
