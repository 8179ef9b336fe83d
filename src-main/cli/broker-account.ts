// Hearth's own account on an external broker. export-broker-config makes it once (a random
// password, kept in the data folder readable by the owner only, like any client's credentials)
// and writes its hash into the broker's configuration; --broker-url uses it when no user name
// is given. So pointing Hearth at a fresh Mosquitto takes two commands, not a password chosen
// by hand.
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { StartupError } from '../hub/errors.js';

export const BROKER_ACCOUNT_FILE = 'broker-account.json';
export const HUB_BROKER_USERNAME = 'hearth-hub';

const AccountSchema = z.strictObject({
  username: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/),
  password: z.string().min(16).max(256),
});

export type BrokerAccount = z.infer<typeof AccountSchema>;

export function readBrokerAccount(dataDir: string): BrokerAccount | null {
  const file = join(dataDir, BROKER_ACCOUNT_FILE);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw new StartupError(`${file} cannot be read (${(error as Error).message})`);
  }
  try {
    return AccountSchema.parse(JSON.parse(text));
  } catch {
    throw new StartupError(
      `${file} is not a Hearth broker account; delete it and run export-broker-config again`,
    );
  }
}

export function loadOrCreateBrokerAccount(dataDir: string): BrokerAccount {
  const existing = readBrokerAccount(dataDir);
  if (existing) return existing;
  const account: BrokerAccount = {
    username: HUB_BROKER_USERNAME,
    password: randomBytes(32).toString('base64url'),
  };
  const file = join(dataDir, BROKER_ACCOUNT_FILE);
  const temporary = `${file}.${process.pid}.tmp`;
  fs.writeFileSync(temporary, JSON.stringify(account, null, 2) + '\n', { mode: 0o600 });
  fs.renameSync(temporary, file);
  return account;
}
