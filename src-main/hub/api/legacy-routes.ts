// The original Flask hub's routes (contract 3.1). /lock, /unlock, /test and /get_pic arrive
// with the locks and strangers services.
import { Router } from 'express';

export function legacyRoutes(): Router {
  const router = Router();
  router.get('/hello', (_req, res) => {
    res.type('text/plain').send('hello from Hearth\n');
  });
  return router;
}
