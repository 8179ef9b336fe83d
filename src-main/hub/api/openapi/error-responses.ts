// Which error codes each route can answer with, and those answers as shared responses. A route's
// codes are what follows from how it is reached (Host and Origin checks, its scope, its body)
// plus what its handler declares (`errors` in the operation table).
import type { OperationDef, Scope } from '../../../shared/operation-def.js';
import {
  errorCatalogue,
  errorCodes,
  type ErrorCode,
} from '../../../shared/messages/http-errors.js';
import { componentRef, type JsonSchema } from './json-schemas.js';

/** Every route: the Host and Origin checks come first (host-check.ts), and a bug is a 500. */
export const EVERY_ROUTE: readonly ErrorCode[] = [
  'misdirected_request',
  'forbidden_origin',
  'internal',
];

/** What requireScope answers: no or a wrong token, a token that guessed too often, a low scope. */
export function scopeErrors(scope: Scope): ErrorCode[] {
  if (scope === 'none') return [];
  const codes: ErrorCode[] = ['unauthorized', 'too_many_attempts'];
  if (scope === 'admin') codes.push('forbidden');
  return codes;
}

/** A JSON body is parsed, checked against the input schema, and may change the saved state. */
export const JSON_BODY_ERRORS: readonly ErrorCode[] = [
  'invalid_json',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_input',
  'state_not_saved',
];

export function operationErrors(op: OperationDef, hasParameters: boolean): ErrorCode[] {
  return [
    ...EVERY_ROUTE,
    ...scopeErrors(op.scope),
    ...(op.http.method === 'get' ? [] : JSON_BODY_ERRORS),
    // A GET's query and path parameters are validated too.
    ...(hasParameters ? (['invalid_input'] as const) : []),
    ...(op.errors ?? []),
  ];
}

/** Headers some error answers carry. */
const ERROR_HEADERS: Partial<Record<ErrorCode, Record<string, JsonSchema>>> = {
  too_many_attempts: {
    'Retry-After': {
      description: 'Seconds to wait before trying again (after failed logins).',
      schema: { type: 'integer', minimum: 1 },
    },
  },
  method_not_allowed: {
    Allow: {
      description: 'The methods this path accepts.',
      required: true,
      schema: { type: 'string' },
    },
  },
};

/**
 * Collects the error responses of every route as `components.responses`, one per combination
 * of codes that share a status (most routes share theirs), named after its codes.
 */
export class ErrorResponses {
  readonly components: Record<string, JsonSchema> = {};

  /** `responses` entries for these codes: one per status, each a reference. */
  responsesFor(codes: readonly ErrorCode[]): Record<string, JsonSchema> {
    const byStatus = new Map<number, Set<ErrorCode>>();
    for (const code of codes) {
      const status = errorCatalogue[code].status;
      byStatus.set(status, (byStatus.get(status) ?? new Set()).add(code));
    }
    const responses: Record<string, JsonSchema> = {};
    for (const [status, set] of [...byStatus].sort(([a], [b]) => a - b)) {
      // The catalogue's order, so that a name never depends on the order codes were listed in.
      const sorted = errorCodes.filter((code) => set.has(code));
      responses[String(status)] = { $ref: `#/components/responses/${this.define(sorted)}` };
    }
    return responses;
  }

  private define(codes: ErrorCode[]): string {
    const name = codes.map(pascalCase).join('Or');
    this.components[name] ??= {
      description: codes.map((code) => `\`${code}\`: ${errorCatalogue[code].message}`).join('\n\n'),
      ...headersOf(codes),
      content: {
        'application/json': {
          schema: {
            allOf: [
              componentRef('Error'),
              {
                type: 'object',
                properties: {
                  error: { type: 'object', properties: { code: { type: 'string', enum: codes } } },
                },
              },
            ],
          },
        },
      },
    };
    return name;
  }
}

function headersOf(codes: ErrorCode[]): { headers?: Record<string, JsonSchema> } {
  const headers = Object.assign({}, ...codes.map((code) => ERROR_HEADERS[code] ?? {})) as Record<
    string,
    JsonSchema
  >;
  return Object.keys(headers).length > 0 ? { headers } : {};
}

const pascalCase = (code: string): string =>
  code.replace(/(^|_)([a-z])/g, (_m, _sep, letter: string) => letter.toUpperCase());
