// HubApiClient over HTTP: every operation of hubOperations becomes one fetch() to its
// method and path, so a new operation in the shared table needs no code here.
import {
  hubOperations,
  operationNames,
  type HubApiClient,
  type OperationName,
} from '../../src-main/shared/hub-api.js';
import { HubApiError, NETWORK_ERROR, errorFromBody } from './hub-api-error.js';

export interface HttpClientOptions {
  token: string;
  /** Origin of the hub; the page's own origin when omitted (the hub serves the panel). */
  baseUrl?: string;
  /** Told about every call's outcome, so the connection indicator reflects API calls too. */
  onReachability?: (reachable: boolean) => void;
}

type Input = Record<string, unknown>;

export function createHttpClient(options: HttpClientOptions): HubApiClient {
  const client: Partial<Record<OperationName, (input: unknown) => Promise<unknown>>> = {};
  for (const name of operationNames) {
    client[name] = (input) => request(name, (input ?? {}) as Input, options);
  }
  return client as HubApiClient;
}

async function request(name: OperationName, input: Input, options: HttpClientOptions) {
  const { method, path } = hubOperations[name].http;
  const { url, rest } = fillPath(path, input, options.baseUrl ?? window.location.origin);
  const headers: Record<string, string> = { Accept: 'application/json' };
  // No token (a phone redeeming a pairing code): no header, rather than an empty one.
  if (options.token !== '') headers['Authorization'] = `Bearer ${options.token}`;
  let body: string | undefined;
  if (method === 'get') {
    for (const [key, value] of Object.entries(rest)) appendQuery(url, key, value);
  } else {
    headers['Content-Type'] = 'application/json';
    body = JSON.stringify(rest);
  }

  let response: Response;
  try {
    response = await fetch(url, { method: method.toUpperCase(), headers, body, cache: 'no-store' });
  } catch {
    options.onReachability?.(false);
    throw new HubApiError(NETWORK_ERROR, 'Could not reach the hub.');
  }
  options.onReachability?.(true);

  const payload = await readJson(response);
  if (!response.ok) throw errorFromBody(payload, response.status);
  return payload;
}

/** Replaces `:param` segments with the input's values; the rest of the input is returned. */
function fillPath(path: string, input: Input, base: string): { url: URL; rest: Input } {
  const rest: Input = { ...input };
  const filled = path.replace(/:([A-Za-z_][A-Za-z0-9_]*)/g, (_match, key: string) => {
    const value = rest[key];
    delete rest[key];
    return encodeURIComponent(String(value ?? ''));
  });
  return { url: new URL(filled, base), rest };
}

function appendQuery(url: URL, key: string, value: unknown): void {
  if (value === undefined || value === null) return;
  if (Array.isArray(value)) {
    for (const item of value) url.searchParams.append(key, String(item));
  } else {
    url.searchParams.set(key, String(value));
  }
}

async function readJson(response: Response): Promise<unknown> {
  if (response.status === 204) return undefined;
  const text = await response.text();
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}
