// The original Flask hub's routes (contract 3.1), kept for the scripts and phones built for
// it. They go through the same operations as /api/v1, so the same checks and audit log apply.
// /get_pic lives in strangers/stranger-routes.ts.
import express, { Router } from 'express';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { HubCaller } from '../hub-caller.js';
import { callerOf, requireScope } from './auth.js';
import { ApiError } from './error-catalogue.js';

const SMALL_BODY = 1024;

export function legacyRoutes(hub: HubCaller, tokens: TokenVerifier): Router {
  const router = Router();
  router.get('/hello', (_req, res) => {
    res.type('text/plain').send('hello from Hearth\n');
  });
  const control = requireScope('control', tokens);
  router.post('/lock', control, async (req, res) => {
    res.json(await hub.call('lockAll', {}, callerOf(req)));
  });
  router.post('/unlock', control, async (req, res) => {
    res.json(await hub.call('unlockAll', {}, callerOf(req)));
  });
  router.post(
    '/test',
    control,
    express.text({ type: ['text/plain', 'text/*'], limit: SMALL_BODY }),
    express.json({ limit: SMALL_BODY, strict: false }),
    async (req, res) => {
      const word = commandWord(req.body);
      res.json(await hub.call(word === 'lock' ? 'lockAll' : 'unlockAll', {}, callerOf(req)));
    },
  );
  return router;
}

/** `lock` or `unlock`, as text or JSON {"command": …}; anything else is a 400. */
function commandWord(body: unknown): 'lock' | 'unlock' {
  const raw =
    typeof body === 'string'
      ? body
      : typeof body === 'object' && body !== null && 'command' in body
        ? (body as { command: unknown }).command
        : undefined;
  const word = typeof raw === 'string' ? raw.trim().toLowerCase() : '';
  if (word === 'lock' || word === 'unlock') return word;
  throw new ApiError(
    'invalid_command',
    'The body must be "lock" or "unlock" (text, or JSON {"command":"lock"}).',
  );
}
