// Integration accounts (contract 2.3.5): named MQTT credentials for a bridge (Zigbee2MQTT,
// Frigate) with exactly the topic rights the owner gave it. The password is shown once and kept
// only as a SHA-256 hash; removing an account closes its connections at once.
import { randomBytes } from 'node:crypto';
import { ApiError } from '../api/error-catalogue.js';
import { generateToken, hashToken } from '../auth/tokens.js';
import type { IntegrationRecord, TopicRight } from '../store/state-schema.js';
import type { StateStore } from '../store/state-store.js';
import type { IntegrationAccessView } from './access-directory.js';
import { INTEGRATION_USERNAME_PREFIX } from './connect-rules.js';
import { mosquittoPasswordHash } from '../broker-config/mosquitto-password.js';
import { rightProblem } from './integration-rights.js';

export interface IntegrationInput {
  name: string;
  rights: ReadonlyArray<{ filter: string; publish?: boolean; subscribe?: boolean }>;
}

export interface IntegrationView {
  id: string;
  name: string;
  username: string;
  rights: TopicRight[];
  createdAt: string;
}

export interface CreatedIntegration extends IntegrationView {
  /** Shown once: only its hash is kept. */
  password: string;
}

const MAX_RIGHTS = 64;

export class IntegrationAccounts {
  constructor(
    private readonly store: StateStore,
    /** Called after an account is removed, to close its connections at once. */
    private readonly onRemoved: (id: string) => unknown = () => {},
  ) {}

  create(input: IntegrationInput): CreatedIntegration {
    const name = input.name.trim();
    if (name.length === 0 || name.length > 64) {
      throw new ApiError('invalid_input', 'an integration name is 1-64 characters');
    }
    const rights = checkRights(input.rights);
    const id = this.newId(name);
    // 256 random bits, like API tokens.
    const password = generateToken();
    const record: IntegrationRecord = {
      id,
      name,
      secretHash: hashToken(password),
      brokerHash: mosquittoPasswordHash(password),
      rights,
      createdAt: new Date().toISOString(),
    };
    this.store.update((draft) => {
      draft.integrations[id] = record;
    });
    return { ...toView(record), password };
  }

  /** Every account, oldest first; never a password or its hash. */
  list(): IntegrationView[] {
    return Object.values(this.store.state.integrations)
      .map(toView)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  }

  remove(id: string): boolean {
    if (!this.find(id)) return false;
    this.store.update((draft) => {
      delete draft.integrations[id];
    });
    this.onRemoved(id);
    return true;
  }

  /** The AccessDirectory part: what the access rules read at login. */
  integration(id: string): IntegrationAccessView | undefined {
    const record = this.find(id);
    return record && { id: record.id, secretHash: record.secretHash, rights: record.rights };
  }

  /** Same as integration(), under the name the composition root uses. */
  view(id: string): IntegrationAccessView | undefined {
    return this.integration(id);
  }

  private find(id: string): Readonly<IntegrationRecord> | undefined {
    // hasOwn: the id comes from a username, and `__proto__` is not an account.
    const all = this.store.state.integrations;
    return Object.hasOwn(all, id) ? all[id] : undefined;
  }

  /** `zigbee2mqtt-3fa2c1`: readable in a username, unguessable enough not to collide. */
  private newId(name: string): string {
    const slug =
      name
        .toLowerCase()
        .replace(/[^a-z0-9]+/g, '-')
        .replace(/^-+|-+$/g, '')
        .slice(0, 40) || 'integration';
    for (;;) {
      const id = `${slug}-${randomBytes(3).toString('hex')}`;
      if (!this.find(id)) return id;
    }
  }
}

function checkRights(input: IntegrationInput['rights']): TopicRight[] {
  if (input.length === 0 || input.length > MAX_RIGHTS) {
    throw new ApiError('invalid_input', `an integration has 1-${MAX_RIGHTS} topic rights`);
  }
  return input.map((given) => {
    const right: TopicRight = {
      filter: given.filter,
      publish: given.publish ?? false,
      subscribe: given.subscribe ?? true,
    };
    const problem = rightProblem(right);
    if (problem) throw new ApiError('invalid_input', problem);
    return right;
  });
}

function toView(record: Readonly<IntegrationRecord>): IntegrationView {
  return {
    id: record.id,
    name: record.name,
    username: `${INTEGRATION_USERNAME_PREFIX}${record.id}`,
    rights: record.rights.map((right) => ({ ...right })),
    createdAt: record.createdAt,
  };
}
