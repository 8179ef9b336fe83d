// The lock words the family reads: who gave a command ("Anna's phone", "the owner on this PC",
// "automatically"), never a token id or a transport; what a command was; and what came of it in
// a sentence rather than a code such as `no_confirmation`.
import type { Who } from '../../../src-main/shared/who.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import type { Translate } from '../../i18n/translate.js';

/** Who did something, from the `by` the hub records with it. */
export function whoText(by: Who, t: Translate): string {
  switch (by.kind) {
    case 'owner_pc':
      return t('who.ownerPc');
    case 'owner':
      return by.via ? t('who.ownerVia', { via: by.via }) : t('who.owner');
    case 'token':
      return by.name || t('who.phone');
    case 'device':
      return by.name || by.id;
    case 'integration':
      return by.name || t('who.integration');
    case 'rule':
      return t('who.rule', { rule: by.rule });
    case 'hub':
      return t('who.hub');
    case 'client':
      return t('who.client', { id: by.id });
  }
}

/**
 * Who an entry written before `by` existed names, from the hub's `describe(caller)` forms
 * (`token admin (admin)`, `action rules.mjs:night`, …); null when it is none of them.
 */
export function legacyWho(actor: string | undefined): Who | null {
  if (actor === undefined) return null;
  if (actor === 'token admin (admin)') return { kind: 'owner' };
  if (actor === 'the desktop app') return { kind: 'owner_pc' };
  if (actor === 'the hub') return { kind: 'hub' };
  if (/^token \S+ \((control|admin)\)$/.test(actor)) return { kind: 'token', name: '' };
  const action = /^action \S+?:(\S+)$/.exec(actor);
  if (action) return { kind: 'rule', rule: action[1]! };
  const device = /^device (\S+)$/.exec(actor);
  if (device) return { kind: 'device', id: device[1]!, name: device[1]! };
  if (/^integration /.test(actor)) return { kind: 'integration', name: '' };
  return null;
}

/** Who an entry names, new or old: its `by`, else its actor as the log wrote it. */
export function entryWhoText(by: Who | undefined, actor: string | undefined, t: Translate) {
  const who = by ?? legacyWho(actor);
  return who ? whoText(who, t) : (actor ?? '');
}

const COMMANDS: Record<string, StringKey> = {
  LOCK: 'home.command.lock',
  UNLOCK: 'home.command.unlock',
  OPEN: 'home.command.open',
};

export function commandText(command: string, t: Translate): string {
  const key = COMMANDS[command.toUpperCase()];
  return key ? t(key) : command;
}

const RESULTS: Record<string, StringKey> = {
  offline: 'home.result.offline',
  jammed: 'home.result.jammed',
  superseded: 'home.result.superseded',
  no_confirmation: 'home.result.no_confirmation',
  broker_unavailable: 'home.result.broker_unavailable',
  not_supported: 'home.result.not_supported',
  not_a_lock: 'home.result.not_a_lock',
  unknown_device: 'home.result.unknown_device',
};

/** What came of a command that did not succeed, in words. */
export function resultText(result: string, t: Translate): string {
  const key = RESULTS[result];
  return key ? t(key) : t('home.result.other');
}

const STATES = ['locked', 'unlocked', 'locking', 'unlocking', 'jammed', 'offline', 'unknown'];

/** A lock's state in words; what a device reported beyond the known words stays as it is. */
export function lockStateText(state: string, t: Translate): string {
  const lower = state.toLowerCase();
  return STATES.includes(lower) ? t(`home.state.${lower}` as StringKey) : state;
}
