// Serves the built control panel at `/` (its files need no token: contract 1), and at `/pair`,
// the pairing address a phone's camera opens (the panel redeems the code in its fragment). When
// the panel has not been built, both say how to build it instead of a bare 404.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import express, { type Router } from 'express';
import { ApiError } from './error-catalogue.js';

export function staticPanel(panelDir: string | undefined): Router {
  const router = express.Router();
  const index = panelDir ? join(panelDir, 'index.html') : undefined;
  if (!panelDir || !index || !existsSync(index)) {
    router.get(['/', '/pair'], (_req, _res, next) => next(new ApiError('panel_not_built')));
    return router;
  }
  router.get('/pair', (req, res, next) => {
    // Not `/pair/`: there the panel's relative asset paths would point under /pair/.
    if (req.path !== '/pair') return next();
    res.setHeader('cache-control', 'no-cache');
    res.sendFile(index);
  });
  router.use(
    express.static(panelDir, {
      index: 'index.html',
      dotfiles: 'ignore',
      fallthrough: true,
      setHeaders(res, path) {
        // Built files carry their hash in their name and can be kept for good; everything else
        // (index.html, the service worker, the manifest, icons) must be checked each time.
        res.setHeader(
          'cache-control',
          /^[/\\]assets[/\\]/.test(path.slice(panelDir.length))
            ? 'public, max-age=31536000, immutable'
            : 'no-cache',
        );
      },
    }),
  );
  return router;
}
