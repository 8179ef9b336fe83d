// The routes outside the HubApi table, described by hand beside the table's: the event stream,
// the audit export, this description itself, the pictures (image bytes, signed links), a
// camera's picture upload (raw body, HTTP Basic) and the original hub's routes (contract 3.1).
// The API tests check every answer these routes give against what is written here.
import type { ErrorCode } from '../../../shared/messages/http-errors.js';
import { EVERY_ROUTE, scopeErrors, type ErrorResponses } from './error-responses.js';
import { componentRef, type JsonSchema } from './json-schemas.js';

const IMAGE_TYPES = ['image/jpeg', 'image/png', 'image/webp'] as const;

/** Raw bytes of a picture, whichever of the three types it is. */
const pictureContent = Object.fromEntries(IMAGE_TYPES.map((type) => [type, {}]));

const json = (schema: JsonSchema): JsonSchema => ({ 'application/json': { schema } });

const signedLinkParameters: JsonSchema[] = [
  {
    name: 'exp',
    in: 'query',
    required: false,
    description:
      "With `sig`: a signed link, as in a sighting's `url` (no token needed until it expires); seconds since 1970.",
    schema: { type: 'string', pattern: '^\\d{1,12}$' },
  },
  {
    name: 'sig',
    in: 'query',
    required: false,
    description: "The link's signature, as in a sighting's `url`.",
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  {
    name: 'If-None-Match',
    in: 'header',
    required: false,
    description: 'The ETag of a copy already held: the answer is then 304 without the bytes.',
    schema: { type: 'string' },
  },
];

/** A picture, for a token of any scope or a valid signed link. */
function pictureAnswers(errors: ErrorResponses): JsonSchema {
  return {
    '200': {
      description: 'The picture. It never changes under its id.',
      headers: {
        ETag: { schema: { type: 'string' } },
        'Cache-Control': {
          description: 'private; with a signed link, kept until the link expires',
          schema: { type: 'string' },
        },
        'Content-Disposition': { schema: { type: 'string' } },
      },
      content: pictureContent,
    },
    '304': { description: 'Not modified: the copy named in If-None-Match is current.' },
    ...errors.responsesFor([
      ...EVERY_ROUTE,
      'bad_request',
      'unauthorized',
      'bad_link',
      'unknown_stranger',
    ]),
  };
}

export function extraRoutes(errors: ErrorResponses): Record<string, Record<string, JsonSchema>> {
  const control = (codes: ErrorCode[] = []) =>
    errors.responsesFor([...EVERY_ROUTE, ...scopeErrors('control'), ...codes]);
  const bearer = [{ bearer: [] }];
  const original = { tags: ['original hub'], deprecated: true };
  return {
    '/api/v1/openapi.json': {
      get: {
        operationId: 'getOpenApi',
        summary: 'This description of the API (OpenAPI 3.1). Needs no token; holds no secrets.',
        tags: ['hub'],
        security: [],
        'x-hearth-scope': 'none',
        responses: {
          '200': { description: 'The OpenAPI document.', content: json({ type: 'object' }) },
          ...errors.responsesFor(EVERY_ROUTE),
        },
      },
    },
    '/api/v1/events': {
      get: {
        operationId: 'streamEvents',
        summary:
          'Server-Sent Events: every hub event as `id: <n>`, `event: <type>` and `data: <the event as JSON>` (schema HubEvent); a comment line every 20 s keeps the stream open. Reconnect with Last-Event-ID to get what was missed (the last 500 events are kept).',
        tags: ['events'],
        security: bearer,
        'x-hearth-scope': 'control',
        parameters: [
          {
            name: 'Last-Event-ID',
            in: 'header',
            required: false,
            description: 'The `id` of the last event received: the events after it are sent first.',
            schema: { type: 'integer', minimum: 1 },
          },
        ],
        responses: {
          '200': {
            description:
              'The stream; it stays open. Each `data:` line holds one event, described by HubEvent (its `type` equals the `event:` name).',
            content: { 'text/event-stream': { schema: componentRef('HubEvent') } },
          },
          ...control(),
        },
      },
    },
    '/api/v1/audit/export': {
      get: {
        operationId: 'exportAudit',
        summary: 'The whole lock audit log still kept, oldest first, as a download.',
        tags: ['audit'],
        security: bearer,
        'x-hearth-scope': 'control',
        responses: {
          '200': {
            description: 'One AuditEntry as JSON on each line (hearth-audit.jsonl).',
            headers: { 'Content-Disposition': { schema: { type: 'string' } } },
            content: {
              'application/x-ndjson': {
                schema: { type: 'string', description: 'lines, each an AuditEntry' },
              },
            },
          },
          ...control(),
        },
      },
    },
    '/api/v1/strangers': {
      post: {
        operationId: 'uploadPicture',
        summary:
          "A camera sends a picture of a stranger: the picture's bytes as the body, with HTTP Basic (the camera's device id and the secret it was given when approved).",
        tags: ['strangers'],
        security: [{ camera: [] }],
        'x-hearth-scope': 'camera',
        requestBody: { required: true, content: pictureContent },
        responses: {
          '200': {
            description: 'The same picture again (`duplicate`), or merged into a recent sighting.',
            content: json(componentRef('PictureUploadAnswer')),
          },
          '201': {
            description: 'A new sighting.',
            content: json(componentRef('PictureUploadAnswer')),
          },
          ...errors.responsesFor([
            ...EVERY_ROUTE,
            'unauthorized',
            'forbidden',
            'payload_too_large',
            'not_a_picture',
            'busy',
            'disk_full',
          ]),
        },
      },
    },
    '/api/v1/strangers/{id}/image': {
      get: {
        operationId: 'getStrangerImage',
        summary: "A sighting's picture, with a token or through its signed link.",
        tags: ['strangers'],
        security: [...bearer, {}],
        'x-hearth-scope': 'control',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: componentRef('StrangerId') },
          ...signedLinkParameters,
        ],
        responses: pictureAnswers(errors),
      },
    },
    '/get_pic': {
      get: {
        operationId: 'getPicture',
        summary: "The original hub's picture route: the same as /api/v1/strangers/{id}/image.",
        ...original,
        security: [...bearer, {}],
        'x-hearth-scope': 'control',
        parameters: [
          { name: 'id', in: 'query', required: true, schema: componentRef('StrangerId') },
          ...signedLinkParameters,
        ],
        responses: pictureAnswers(errors),
      },
    },
    '/hello': {
      get: {
        operationId: 'hello',
        summary: 'Says hello: the hub is up. Needs no token.',
        ...original,
        deprecated: false,
        security: [],
        'x-hearth-scope': 'none',
        responses: {
          '200': {
            description: 'A greeting.',
            content: { 'text/plain': { schema: { type: 'string' } } },
          },
          ...errors.responsesFor(EVERY_ROUTE),
        },
      },
    },
    '/lock': { post: legacyLockAll('lock', control) },
    '/unlock': { post: legacyLockAll('unlock', control) },
    '/test': {
      post: {
        operationId: 'legacyTest',
        summary: 'Locks or unlocks every lock, as the body says: `lock` or `unlock`.',
        ...original,
        security: bearer,
        'x-hearth-scope': 'control',
        requestBody: {
          required: true,
          content: {
            'text/plain': { schema: { type: 'string', enum: ['lock', 'unlock'] } },
            ...json({
              type: 'object',
              properties: { command: { type: 'string', enum: ['lock', 'unlock'] } },
              required: ['command'],
            }),
          },
        },
        responses: {
          '200': {
            description: "Each lock's result.",
            content: json(componentRef('LockAllResult')),
          },
          ...control([
            'invalid_command',
            'invalid_json',
            'payload_too_large',
            'unsupported_media_type',
          ]),
        },
      },
    },
  };
}

function legacyLockAll(
  word: 'lock' | 'unlock',
  errors: (codes?: ErrorCode[]) => Record<string, JsonSchema>,
): JsonSchema {
  return {
    operationId: word === 'lock' ? 'legacyLock' : 'legacyUnlock',
    summary: `${word === 'lock' ? 'Locks' : 'Unlocks'} every lock (as /api/v1/locks/${word}-all).`,
    tags: ['original hub'],
    deprecated: true,
    security: [{ bearer: [] }],
    'x-hearth-scope': 'control',
    responses: {
      '200': { description: "Each lock's result.", content: json(componentRef('LockAllResult')) },
      ...errors(),
    },
  };
}
