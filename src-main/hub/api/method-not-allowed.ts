// A known path asked with a method it does not take: 405 with `Allow`, rather than the 404 of
// an unknown address, so a client learns it has the right path and the wrong method. The paths
// and their methods are the OpenAPI description's, which the API tests hold to the routes.
import type { RequestHandler } from 'express';
import { ApiError } from './error-catalogue.js';

/** OpenAPI paths (`/api/v1/devices/{id}`) and the methods each has. */
export type DescribedPaths = Record<string, Record<string, unknown>>;

export function methodNotAllowed(paths: DescribedPaths): RequestHandler {
  const routes = Object.entries(paths).map(([path, methods]) => ({
    // A template segment matches one path segment, as Express's `:name` does.
    pattern: new RegExp(`^${path.replace(/[.]/g, '\\.').replace(/\{[^}]+\}/g, '[^/]+')}$`),
    methods: Object.keys(methods).map((method) => method.toUpperCase()),
  }));
  return (req, res, next) => {
    // OPTIONS keeps Express's own answer; HEAD is answered wherever GET is.
    if (req.method === 'OPTIONS') return next();
    const allowed = new Set(
      routes.filter((route) => route.pattern.test(req.path)).flatMap((route) => route.methods),
    );
    if (allowed.size === 0) return next();
    if (allowed.has('GET')) allowed.add('HEAD');
    if (allowed.has(req.method)) return next();
    res.setHeader('allow', [...allowed].join(', '));
    next(new ApiError('method_not_allowed'));
  };
}
