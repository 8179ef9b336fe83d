// The stranger routes that carry image bytes, outside the JSON-only HubApi table: a camera's
// raw-body POST (HTTP Basic), the picture itself, and the original hub's /get_pic. Mount this
// router before any body parser. A picture is served for a valid bearer token OR a valid signed
// link (`exp` + `sig`), and only ever from a record the index lists, by a name the hub made.
import { Router, type Request, type Response } from 'express';
import type { PictureUploadAnswer } from '../../shared/operations/strangers.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { bearerToken } from '../api/auth.js';
import { ApiError } from '../api/error-catalogue.js';
import { authenticateCamera } from './camera-auth.js';
import { EXTENSION_OF, MIME_OF } from './picture-format.js';
import { readCappedBody } from './read-capped-body.js';
import { isStrangerId } from './stranger-id.js';
import type { CameraDirectory, IntakeRefusal, StrangerService } from './stranger-service.js';

export interface StrangerRouteDependencies {
  strangers: StrangerService;
  tokens: TokenVerifier;
  cameras: CameraDirectory;
}

/** How long a browser may keep a picture fetched with a token (a signed link: until it expires). */
const TOKEN_CACHE_SECONDS = 300;
/** Once a too-large upload is answered, its connection is closed after this grace period. */
const CUT_OFF_GRACE_MS = 200;

const REFUSAL_ERRORS: Record<IntakeRefusal, ConstructorParameters<typeof ApiError>[0]> = {
  not_a_camera: 'forbidden',
  payload_too_large: 'payload_too_large',
  not_a_picture: 'not_a_picture',
  busy: 'busy',
  disk_full: 'disk_full',
  store_failed: 'internal',
};

export function strangerRoutes(deps: StrangerRouteDependencies): Router {
  const router = Router();

  router.post('/api/v1/strangers', async (req, res) => {
    const auth = authenticateCamera(req.get('authorization'), deps.cameras);
    if (!auth.ok) {
      res.setHeader('www-authenticate', 'Basic realm="hearth cameras", charset="UTF-8"');
      throw auth.status === 401
        ? new ApiError('unauthorized', 'Send HTTP Basic with the camera id and its secret.')
        : new ApiError('forbidden', 'Only approved cameras may send pictures.');
    }
    const cap = deps.strangers.maxPictureBytes();
    const body = await readCappedBody(req, cap);
    if (!body.ok) {
      if (body.reason === 'aborted') return;
      cutOffAfterAnswer(req, res);
      throw new ApiError('payload_too_large', `A picture may be at most ${cap} bytes.`);
    }
    const outcome = await deps.strangers.intake(auth.camera, body.bytes, 'http');
    if (!outcome.ok) throw new ApiError(REFUSAL_ERRORS[outcome.code], outcome.message);
    const answer: PictureUploadAnswer = { kind: outcome.kind, stranger: outcome.stranger };
    res.status(outcome.kind === 'new' ? 201 : 200).json(answer);
  });

  router.get('/api/v1/strangers/:id/image', async (req, res) => {
    await servePicture(deps, req, res, req.params.id);
  });

  // The original hub's route (contract 3.1); signed links work here too.
  router.get('/get_pic', async (req, res) => {
    await servePicture(deps, req, res, req.query.id);
  });

  return router;
}

async function servePicture(
  deps: StrangerRouteDependencies,
  req: Request,
  res: Response,
  id: unknown,
): Promise<void> {
  const via = allowedBy(deps, req, id);
  // Checked before anything is looked up: no other string ever comes near a path.
  if (!isStrangerId(id)) throw new ApiError('bad_request', 'That is not a stranger picture id.');
  const found = await deps.strangers.read(id);
  if (!found) throw new ApiError('unknown_stranger');
  const { record, bytes } = found;
  const etag = `"${record.sha256.slice(0, 32)}"`;
  const maxAge =
    via === 'token'
      ? TOKEN_CACHE_SECONDS
      : Math.max(0, Number(req.query.exp) - Math.floor(Date.now() / 1000));
  res.setHeader('content-type', MIME_OF[record.type]);
  res.setHeader('x-content-type-options', 'nosniff');
  // A picture never changes under its id; `private` keeps it out of shared caches.
  res.setHeader('cache-control', `private, max-age=${maxAge}, immutable`);
  res.setHeader('etag', etag);
  res.setHeader('content-disposition', `inline; filename="${id}.${EXTENSION_OF[record.type]}"`);
  if (req.get('if-none-match') === etag) {
    res.status(304).end();
    return;
  }
  res.setHeader('content-length', String(bytes.length));
  res.status(200).end(bytes);
}

/** A bearer token (any scope) or a valid signed link for this id; otherwise 401/403. */
function allowedBy(deps: StrangerRouteDependencies, req: Request, id: unknown): 'token' | 'link' {
  const token = bearerToken(req);
  if (token !== null) {
    if (deps.tokens.verify(token)) return 'token';
    throw new ApiError('unauthorized');
  }
  const { exp, sig } = req.query;
  if (exp === undefined && sig === undefined) throw new ApiError('unauthorized');
  if (isStrangerId(id) && deps.strangers.verifyLink(id, exp, sig)) return 'link';
  throw new ApiError('bad_link');
}

/**
 * Answers now and then closes the connection, so the client cannot go on pushing the rest of
 * an oversized body into the hub (the body is no longer read).
 */
function cutOffAfterAnswer(req: Request, res: Response): void {
  res.setHeader('connection', 'close');
  res.once('finish', () => {
    setTimeout(() => req.socket.destroy(), CUT_OFF_GRACE_MS).unref();
  });
}
