// Phones, browsers and tokens: pairing, sign-in sessions, the token list, failed-login
// lockouts, and the whole state as one document (contract 1 and 3.2).
import { z } from 'zod';
import { NoInput, op } from '../operation-def.js';

const TokenViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  scope: z.enum(['admin', 'control']),
  kind: z
    .enum(['admin', 'paired', 'session'])
    .describe('"admin": the admin token; "paired": a phone or script; "session": a browser'),
  remember: z.boolean().describe('a session kept on its browser ("Remember this computer")'),
  createdAt: z.string(),
  lastUsedAt: z.string().nullable(),
  current: z.boolean().describe('the token that asked for this list'),
});

const SessionNameSchema = z
  .string()
  .trim()
  .min(1)
  .max(64)
  .regex(/^[^\p{Cc}]*$/u, 'a name has no control characters');

const ImportDiffSchema = z.object({
  kept: z.number().int(),
  added: z.array(z.string()),
  removed: z.array(z.string()),
});

/** What an import changes (or would, as a dry run): the panel shows it before asking. */
export const ImportChangesSchema = z.object({
  name: z.object({ from: z.string(), to: z.string() }),
  otherHub: z.boolean(),
  devices: ImportDiffSchema,
  tokens: ImportDiffSchema,
  integrations: ImportDiffSchema,
  adminToken: z.literal('kept'),
});

export const tokenOperations = {
  createPairingCode: op({
    summary:
      "A one-time code, valid 2 minutes, for pairing a phone. `pairingUrl` is the hub's web address that redeems it (`http(s)://<address>:<port>/pair#code=…`), for the QR code; `pairingUrls` the same on each of the hub's addresses; `pairingUri` the `hearth://pair?…` form for native apps, with the addresses, ports and TLS fingerprint.",
    scope: 'admin',
    input: NoInput,
    output: z.object({
      code: z.string(),
      expiresAt: z.string(),
      pairingUrl: z.string(),
      pairingUrls: z.array(z.string()),
      pairingUri: z.string(),
    }),
    http: { method: 'post', path: '/api/v1/pairing-codes' },
  }),
  pair: op({
    summary: 'A phone trades a pairing code for its own control token, once. Needs no token.',
    scope: 'none',
    input: z.object({
      code: z.string().min(1).max(64),
      name: z.string().trim().min(1).max(64),
    }),
    output: z.object({ token: z.string(), id: z.string() }),
    http: { method: 'post', path: '/api/v1/pair' },
    errors: ['too_many_attempts', 'invalid_pairing_code'],
  }),
  createSession: op({
    summary:
      'A browser signs in: the token it signed in with buys it a session token of its own, with the same scope, listed and revocable like any token. A remembered session ends after 90 days unused, any other after one day unused.',
    scope: 'control',
    input: z.object({ name: SessionNameSchema, remember: z.boolean().default(false) }),
    output: z.object({
      token: z.string(),
      id: z.string(),
      scope: z.enum(['admin', 'control']),
      remember: z.boolean(),
    }),
    http: { method: 'post', path: '/api/v1/sessions' },
    errors: ['too_many_sessions'],
  }),
  endSession: op({
    summary:
      "Signs a browser or phone out: revokes the token that makes this call (a session, or a paired phone's own token). The admin token cannot end itself.",
    scope: 'control',
    input: NoInput,
    output: z.object({ revoked: z.string() }),
    http: { method: 'delete', path: '/api/v1/sessions/current' },
    errors: ['admin_token_stays'],
  }),
  currentToken: op({
    summary:
      'The token making the call: its name, scope and kind, so a browser or app knows what it may offer.',
    scope: 'control',
    input: NoInput,
    output: TokenViewSchema,
    http: { method: 'get', path: '/api/v1/tokens/current' },
  }),
  listTokens: op({
    summary:
      'Every token (never its value): name, scope, kind, when made and last used, and which one is asking.',
    scope: 'admin',
    input: NoInput,
    output: z.object({ tokens: z.array(TokenViewSchema) }),
    http: { method: 'get', path: '/api/v1/tokens' },
  }),
  renameToken: op({
    summary:
      'Renames a paired phone or a browser session ("Anna\'s iPhone"); its past entries keep the name they were made with. The admin token has no name to change.',
    scope: 'admin',
    input: z.object({ id: z.string().min(1).max(64), name: SessionNameSchema }),
    output: TokenViewSchema,
    http: { method: 'patch', path: '/api/v1/tokens/:id' },
    errors: ['unknown_token'],
  }),
  revokeToken: op({
    summary: 'Revokes a token at once: its event streams and MQTT sessions are closed.',
    scope: 'admin',
    input: z.object({ id: z.string().min(1).max(64) }),
    output: z.object({ revoked: z.string() }),
    http: { method: 'delete', path: '/api/v1/tokens/:id' },
    errors: ['unknown_token'],
  }),
  listLockouts: op({
    summary: 'Addresses and tokens with recent failed logins, and which are locked out until when.',
    scope: 'admin',
    input: NoInput,
    output: z.object({
      lockouts: z.array(
        z.object({
          key: z.string(),
          failures: z.number().int(),
          lockedUntil: z.string().nullable(),
        }),
      ),
    }),
    http: { method: 'get', path: '/api/v1/lockouts' },
  }),
  clearLockout: op({
    summary: 'Clears one lockout.',
    scope: 'admin',
    input: z.object({ key: z.string().min(1).max(128) }),
    output: z.object({ cleared: z.string() }),
    http: { method: 'delete', path: '/api/v1/lockouts/:key' },
    errors: ['unknown_lockout'],
  }),
  exportState: op({
    summary: 'The whole hub state as one JSON document (secrets only as hashes).',
    scope: 'admin',
    input: NoInput,
    output: z.record(z.string(), z.unknown()),
    http: { method: 'get', path: '/api/v1/state/export' },
  }),
  importState: op({
    summary:
      "Replaces the hub state with an exported document: it must be a complete state and is validated as a whole first; the replaced state is kept as a file; the running hub's admin token, and the token making the import, keep working. With dryRun, nothing changes and the answer says what would.",
    scope: 'admin',
    input: z.object({
      state: z.record(z.string(), z.unknown()),
      dryRun: z.boolean().optional(),
    }),
    output: z.object({
      imported: z.boolean(),
      keptAs: z.string().nullable(),
      changes: ImportChangesSchema,
    }),
    http: { method: 'post', path: '/api/v1/state/import' },
  }),
} as const;
