// Action files (contract 3.2): their status, the owner's upload and removal, and confirming
// code sent over MQTT (save_action_file) by its SHA-256.
import { z } from 'zod';
import { MessageParamsSchema } from '../messages/define-messages.js';
import { NoInput, op } from '../operation-def.js';

export const ActionFileNameSchema = z
  .string()
  .regex(
    /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(mjs|js)$/,
    'an action file name is 1-64 of A-Z a-z 0-9 . _ -, ending .mjs or .js, with no path parts',
  );
const Sha256Schema = z.string().regex(/^[0-9a-fA-F]{64}$/, 'a SHA-256 is 64 hex digits');
const FileAndHash = z.object({ file: z.string(), sha256: z.string() });

/** Why a file or an export did not load, for the panel's own sentence (see action-errors.ts). */
export const ActionProblemSchema = z.object({ problem: z.string(), params: MessageParamsSchema });

export const ActionFiguresSchema = z.object({
  calls: z.number().int(),
  errors: z.number().int(),
  lastError: z.string().nullable(),
  lastProblem: ActionProblemSchema.nullable(),
  meanMs: z.number(),
  worstMs: z.number(),
});

export const ActionFileStatusSchema = z.object({
  file: z.string(),
  status: z.enum(['loaded', 'invalid']),
  error: z.string().nullable(),
  /** `error` as a problem and parameters; null when the file loaded. */
  problem: ActionProblemSchema.nullable(),
  actions: z.array(z.string()),
  skipped: z.array(
    z.object({ export: z.string(), reason: z.string() }).extend(ActionProblemSchema.shape),
  ),
  sha256: z.string().nullable(),
});

export const actionFileOperations = {
  listActionFiles: op({
    summary:
      'The action files: loaded or invalid (with the error), their actions, the exports refused and why, and code waiting for confirmation.',
    scope: 'control',
    input: NoInput,
    output: z.object({
      files: z.array(ActionFileStatusSchema),
      pending: z.array(FileAndHash),
    }),
    http: { method: 'get', path: '/api/v1/action-files' },
  }),
  uploadActionFile: op({
    summary:
      "Adds or replaces an action file (the owner's upload; it goes live at once). The answer says whether it loaded, with its actions, or the error it is invalid with (file:line:column).",
    scope: 'admin',
    input: z.object({
      file: ActionFileNameSchema,
      // 256 KiB of code is at most 349,528 base64 characters.
      contentBase64: z
        .string()
        .max(349_528)
        .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'not base64'),
    }),
    // What loading it gave: its actions, or the error (with file:line:column) it is invalid with.
    output: FileAndHash.extend({
      status: z.enum(['loaded', 'invalid']),
      error: z.string().nullable(),
      problem: ActionProblemSchema.nullable(),
      actions: z.array(z.string()),
    }),
    http: { method: 'post', path: '/api/v1/actions' },
    errors: ['bad_request'],
  }),
  deleteActionFile: op({
    summary: 'Removes an action file; its actions leave the table.',
    scope: 'admin',
    input: z.object({ file: ActionFileNameSchema }),
    output: z.object({ file: z.string() }),
    http: { method: 'delete', path: '/api/v1/actions/:file' },
    errors: ['bad_request', 'not_found'],
  }),
  confirmActionFile: op({
    summary:
      'Runs code sent with save_action_file, once the owner confirms it is the code with this SHA-256.',
    scope: 'admin',
    input: z.object({ file: ActionFileNameSchema, sha256: Sha256Schema }),
    output: FileAndHash,
    http: { method: 'post', path: '/api/v1/actions/:file/confirm' },
    errors: ['bad_request', 'not_found'],
  }),
} as const;
