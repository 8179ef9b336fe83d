// The external broker's configuration as files: rendered from the accounts in one of the
// supported formats, and written whole (temporary file, then rename) so the broker never reads
// half a password file.
import fs from 'node:fs';
import { join } from 'node:path';
import type { BrokerAccounts } from './broker-accounts.js';
import { renderMosquittoAcl } from './mosquitto-acl.js';
import { renderMosquittoDynsec } from './mosquitto-dynsec.js';

export type BrokerConfigFormat = 'mosquitto-acl' | 'mosquitto-dynsec';

export interface RenderedBrokerConfig {
  /** File name -> contents. */
  files: Record<string, string>;
  /** What this format cannot enforce, for the owner (also at the top of the files). */
  notes: string[];
  /** The mosquitto.conf lines that use these files, with DIR for their folder. */
  confLines: string[];
}

export function renderBrokerConfig(
  format: BrokerConfigFormat,
  accounts: BrokerAccounts,
): RenderedBrokerConfig {
  if (format === 'mosquitto-acl') {
    const { passwd, acl, notes } = renderMosquittoAcl(accounts);
    return {
      files: { passwd, acl },
      notes,
      confLines: ['allow_anonymous true', 'password_file DIR/passwd', 'acl_file DIR/acl'],
    };
  }
  const { json, notes } = renderMosquittoDynsec(accounts);
  return {
    files: { 'dynamic-security.json': json },
    notes,
    confLines: [
      'allow_anonymous true',
      'plugin /usr/lib/x86_64-linux-gnu/mosquitto_dynamic_security.so',
      'plugin_opt_config_file DIR/dynamic-security.json',
    ],
  };
}

/** Writes every file whole; readable by the owner and the owner's group (the broker's user). */
export function writeBrokerConfig(dir: string, rendered: RenderedBrokerConfig): string[] {
  fs.mkdirSync(dir, { recursive: true });
  return Object.entries(rendered.files).map(([name, text]) => {
    const file = join(dir, name);
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, text, { mode: 0o640 });
    fs.renameSync(temporary, file);
    return file;
  });
}
