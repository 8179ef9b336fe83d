// The hub's access rules for MQTT, plugged into the broker's hooks (the one place they live):
// who connects (connect-rules.ts), what each may publish, subscribe to and receive
// (topic-rules.ts), and a rate-limited history of what was refused (refusal-history.ts).
import { setTimeout as delay } from 'node:timers/promises';
import type { ActivityInput } from '../activity/activity-log.js';
import type { WhoOf } from '../who-of.js';
import type { TokenVerifier } from '../auth/token-verifier.js';
import type { AuthResult, BrokerAccess, ConnectRequest, Principal } from '../broker/access.js';
import type { Logger } from '../log.js';
import type { AccessDirectory } from './access-directory.js';
import { identify } from './connect-rules.js';
import { RefusalHistory } from './refusal-history.js';
import { TopicRules } from './topic-rules.js';

type Refused = Extract<AuthResult, { ok: false }>;

/** How long a locked-out address waits for its CONNACK refusal (bounded by the socket caps). */
export const LOCKED_OUT_REFUSAL_DELAY_MS = 1_000;

export { INTEGRATION_USERNAME_PREFIX, TOKEN_USERNAME } from './connect-rules.js';
export { ACTION_INBOX } from './device-rights.js';

export interface HubAccessOptions {
  tokens: TokenVerifier;
  directory: AccessDirectory;
  /** The broker's isConnected: no anonymous takeover of a connected id. */
  isConnected: (clientId: string) => boolean;
  /** The activity history (ActivityLog); refusals are recorded there, rate-limited. */
  activity: { record(entry: ActivityInput): unknown };
  /** Who a refused client is in the family's terms (its name); none known without it. */
  whoOf?: WhoOf;
  log: Logger;
}

export function createHubAccess(options: HubAccessOptions): BrokerAccess {
  const { directory, log } = options;
  const rules = new TopicRules(directory);
  const history = new RefusalHistory(options.activity, Date.now, options.whoOf);

  // Wrong credentials count against the address and the presented secret, exactly like a wrong
  // HTTP token (one lockout list for both ways in). Once locked out, the refusal is held back
  // for a moment so a guesser gets few tries a minute; a valid login never waits.
  async function failedLogin(request: ConnectRequest, refused: Refused): Promise<Refused> {
    const presented = request.password?.toString('utf8') || null;
    // Only a wrong secret is a guess; a login that presents none counts towards no lockout.
    if (presented === null) return refused;
    const wait = options.tokens.recordFailure?.(request.address, presented) ?? 0;
    if (wait === 0) return refused;
    await delay(LOCKED_OUT_REFUSAL_DELAY_MS);
    return { ...refused, reason: `too many failed logins; try again in ${wait} s` };
  }

  return {
    async authenticate(request: ConnectRequest): Promise<AuthResult> {
      const result = identify(options, request);
      if (!result.ok) return result.returnCode === 4 ? failedLogin(request, result) : result;
      const { principal } = result;
      rules.prepare(principal);
      const { will } = request;
      if (will && !rules.mayLeaveWill(principal, will.topic, will.retain, will.payload)) {
        return { ok: false, returnCode: 5, reason: `a will on "${will.topic}" is not allowed` };
      }
      if (principal.kind === 'device' && principal.stage === 'approved') {
        // Its secret is now used: from here on this id logs in only with it (contract 2.3.3).
        directory.deviceLoggedIn(principal.deviceId, request.username === principal.deviceId);
      }
      log.debug('MQTT client accepted', { clientId: request.clientId, ...describe(principal) });
      return result;
    },

    authorizePublish: (principal, topic, retain, payload) =>
      rules.mayPublish(principal, topic, retain, payload),
    authorizeSubscribe: (principal, topic) => rules.maySubscribe(principal, topic),
    authorizeDelivery: (principal, topic) => rules.mayReceive(principal, topic),
    onRefused: (refusal) => {
      history.note(refusal);
    },
  };
}

function describe(principal: Principal): Record<string, string> {
  switch (principal.kind) {
    case 'token':
      return { kind: 'token', tokenId: principal.tokenId };
    case 'device':
      return { kind: 'device', stage: principal.stage };
    case 'integration':
      return { kind: 'integration', integrationId: principal.integrationId };
  }
}
