// The one catalogue of HTTP error codes (contract 3: {"error":{"code","message","params"}}). The
// hub throws ApiError with a code from here; the panel words each code itself from its own
// catalogue, typed by these codes, with the parameters an error carries (`httpErrorParams`).
import type { ParamSpec } from './define-messages.js';

export const errorCatalogue = {
  bad_request: { status: 400, message: 'The request is not valid.' },
  invalid_json: { status: 400, message: 'The body is not valid JSON.' },
  invalid_command: { status: 400, message: 'The body must be "lock" or "unlock".' },
  invalid_input: { status: 400, message: 'The request does not match what this route expects.' },
  unauthorized: {
    status: 401,
    message: 'A valid token is needed: send "Authorization: Bearer <token>".',
  },
  forbidden: { status: 403, message: "This token's scope does not allow that." },
  forbidden_origin: {
    status: 403,
    message:
      'Requests from that web page are not allowed; the owner can allow its origin in the settings (http.allowedOrigins).',
  },
  invalid_pairing_code: {
    status: 401,
    message:
      'That pairing code is not valid (used, expired or mistyped); make a new one on the PC.',
  },
  not_found: { status: 404, message: 'There is nothing at this address.' },
  unknown_action: { status: 404, message: 'There is no action with that name.' },
  unknown_device: { status: 404, message: 'There is no device with that id.' },
  unknown_token: { status: 404, message: 'There is no token with that id.' },
  admin_token_stays: {
    status: 409,
    message:
      "The admin token cannot sign itself out; it is replaced with reset-admin-token on the hub's computer.",
  },
  too_many_sessions: {
    status: 409,
    message: 'Too many browsers are signed in; sign some out under Settings → Tokens first.',
  },
  unknown_lockout: { status: 404, message: 'There is no lockout with that key.' },
  unknown_stranger: { status: 404, message: 'There is no stranger picture with that id.' },
  not_a_picture: { status: 400, message: 'The body is not a whole JPEG, PNG or WebP picture.' },
  bad_link: { status: 403, message: 'The picture link is not valid or has expired.' },
  busy: { status: 503, message: 'The hub is busy storing pictures; try again shortly.' },
  disk_full: { status: 507, message: 'The disk is full; the picture was not stored.' },
  state_not_saved: {
    status: 507,
    message:
      'The hub could not save its state, so nothing was changed: free some disk space or make the data folder writable, then try again.',
  },
  unknown_integration: { status: 404, message: 'There is no integration account with that id.' },
  method_not_allowed: { status: 405, message: 'This route does not accept that method.' },
  misdirected_request: {
    status: 421,
    message:
      'This hub does not answer to that host name; use its address, or allow the name in the settings (http.allowedHosts).',
  },
  payload_too_large: { status: 413, message: 'The body is larger than this route accepts.' },
  unsupported_media_type: { status: 415, message: 'Send the body as application/json.' },
  action_failed: { status: 422, message: 'The action failed.' },
  not_a_lock: { status: 409, message: 'That device is not a lock.' },
  offline: { status: 409, message: 'The lock is offline; the command was not sent.' },
  jammed: { status: 409, message: 'The lock reported JAMMED.' },
  superseded: { status: 409, message: 'A newer command for this lock replaced this one.' },
  no_confirmation: { status: 504, message: 'The lock did not confirm the command in time.' },
  not_supported: {
    status: 409,
    message: 'This lock cannot do that (its bridge did not announce that command).',
  },
  broker_unavailable: {
    status: 503,
    message:
      'The MQTT broker is unavailable, so the command was not sent; Hearth keeps retrying the broker by itself.',
  },
  panel_not_built: {
    status: 503,
    message: 'The control panel has not been built: run "npm run build".',
  },
  too_many_attempts: { status: 429, message: 'Too many attempts; wait a little and try again.' },
  internal: { status: 500, message: 'The hub hit an unexpected error; it has been logged.' },
} as const satisfies Record<string, { status: number; message: string }>;

export type ErrorCode = keyof typeof errorCatalogue;
export const errorCodes = Object.keys(errorCatalogue) as ErrorCode[];

/**
 * The parameters some errors carry for the panel's sentence; every one may be missing (an
 * older hub, another route), so the panel's words must read well without them.
 */
export const httpErrorParams = {
  /** What exactly was not accepted, as the hub or its validator says it (a field's path first). */
  invalid_input: { detail: 'text?' },
  bad_request: { detail: 'text?' },
  unknown_device: { id: 'text?' },
  not_a_lock: { name: 'text?' },
  offline: { name: 'text?' },
  jammed: { name: 'text?' },
  no_confirmation: { name: 'text?' },
  not_supported: { name: 'text?' },
  payload_too_large: { limit: 'number?' },
  too_many_attempts: { seconds: 'seconds?' },
} as const satisfies Partial<Record<ErrorCode, ParamSpec>>;
