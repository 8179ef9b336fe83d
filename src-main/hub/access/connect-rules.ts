// Who a CONNECT is (contract 2.3): a token client, an integration account, a device with its
// secret, or a device that is joining. Everything is refused before aedes takes the client id
// over, so a wrong guess never kicks the real device off.
import type { AuthResult, ConnectRequest, Principal } from '../broker/access.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import { tokenMatches } from '../auth/tokens.js';
import type { AccessDirectory } from './access-directory.js';
import { isDeviceId } from './device-id.js';

export const TOKEN_USERNAME = 'token';
export const INTEGRATION_USERNAME_PREFIX = 'integration:';

export interface ConnectRuleContext {
  tokens: TokenVerifier;
  directory: AccessDirectory;
  /** Whether a client with this id is connected now (the broker's isConnected). */
  isConnected: (clientId: string) => boolean;
}

type Refused = Extract<AuthResult, { ok: false }>;

const refused = (returnCode: 2 | 4 | 5, reason: string): Refused => ({
  ok: false,
  returnCode,
  reason,
});

/** Decides who is connecting; the will is checked afterwards, against the principal chosen. */
export function identify(context: ConnectRuleContext, request: ConnectRequest): AuthResult {
  const { username } = request;
  if (username === TOKEN_USERNAME || username?.startsWith(INTEGRATION_USERNAME_PREFIX)) {
    // Token clients may use any client id, but not a registered device's: taking it over
    // would knock that lock or camera off the network.
    if (context.directory.device(request.clientId)) {
      return refused(2, 'this client id belongs to a device; choose another');
    }
    return username === TOKEN_USERNAME
      ? tokenClient(context, request)
      : integrationClient(context, request);
  }
  if (username !== undefined && username !== '') return deviceWithSecret(context, request);
  return anonymousDevice(context, request);
}

function tokenClient({ tokens }: ConnectRuleContext, request: ConnectRequest): AuthResult {
  const identity = request.password ? tokens.verify(request.password.toString('utf8')) : null;
  if (!identity) return refused(4, 'token not accepted');
  return {
    ok: true,
    principal: { kind: 'token', tokenId: identity.tokenId, scope: identity.scope },
  };
}

function integrationClient({ directory }: ConnectRuleContext, request: ConnectRequest): AuthResult {
  const id = (request.username ?? '').slice(INTEGRATION_USERNAME_PREFIX.length);
  const account = id.length > 0 ? directory.integration(id) : undefined;
  // The hash is compared even for an unknown account name, so timing does not tell them apart.
  const matches = tokenMatches(passwordText(request), account?.secretHash ?? null);
  if (!account || !matches) return refused(4, 'integration credentials not accepted');
  return { ok: true, principal: { kind: 'integration', integrationId: account.id } };
}

function deviceWithSecret(context: ConnectRuleContext, request: ConnectRequest): AuthResult {
  const { clientId } = request;
  if (request.username !== clientId) {
    return refused(4, 'the username must be the client id, "token" or "integration:<id>"');
  }
  if (!isDeviceId(clientId)) return refused(2, 'not a device id: 1-64 of A-Z a-z 0-9 - _ .');
  const device = context.directory.device(clientId);
  if (device?.bridged) return refused(2, BRIDGED);
  const matches = tokenMatches(passwordText(request), device?.secretHash ?? null);
  if (!device || device.status !== 'approved' || !matches) {
    return refused(4, 'device credentials not accepted');
  }
  return { ok: true, principal: devicePrincipal(request, 'approved') };
}

function anonymousDevice(context: ConnectRuleContext, request: ConnectRequest): AuthResult {
  const { clientId } = request;
  // Token clients may use any id MQTT allows; devices only their kind (contract 2.2).
  if (!isDeviceId(clientId)) return refused(2, 'not a device id: 1-64 of A-Z a-z 0-9 - _ .');
  // Contract 2.3.1: an anonymous connection never takes over a connected id, pending or approved.
  if (context.isConnected(clientId)) return refused(5, 'this client id is connected already');
  const device = context.directory.device(clientId);
  // A bridged device (a Zigbee2MQTT lock) is only ever its bridge's topics: nobody connects as it.
  if (device?.bridged) return refused(2, BRIDGED);
  if (device?.status === 'approved') {
    // Contract 2.3.6, for old devices that cannot keep a secret (off by default).
    if (context.directory.allowDevicesWithoutSecret()) {
      return { ok: true, principal: devicePrincipal(request, 'approved') };
    }
    if (device.secretUsed) return refused(5, 'this device logs in with its id and secret');
  }
  // Unknown, pending, rejected, or approved but not yet holding its secret: it may hand_shake.
  return { ok: true, principal: devicePrincipal(request, 'joining') };
}

const BRIDGED =
  'this id belongs to a device Hearth reaches through a bridge; it never connects itself';

function devicePrincipal(request: ConnectRequest, stage: 'joining' | 'approved'): Principal {
  return { kind: 'device', deviceId: request.clientId, stage, address: request.address };
}

function passwordText(request: ConnectRequest): string {
  return request.password ? request.password.toString('utf8') : '';
}
