// Serves the built control panel at `/` (its files need no token: contract 1). When the panel
// has not been built, `/` says how to build it instead of a bare 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { ApiError } from './error-catalogue.js';

export function staticPanel(panelDir: string | undefined): Router {
  const router = express.Router();
  const index = panelDir ? join(panelDir, 'index.html') : undefined;
  if (!panelDir || !index || !existsSync(index)) {
    router.get('/', (_req, _res, next) => next(new ApiError('panel_not_built')));
    return router;
  }
  router.use(
    express.static(panelDir, {
      index: 'index.html',
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders(res, path) {
        // Hashed assets can be cached for good; index.html must always be fresh.
        res.setHeader(
          'cache-control',
          path.endsWith('.html') ? 'no-cache' : 'public, max-age=31536000, immutable',
        );
      },
    }),
  );
  return router;
}
