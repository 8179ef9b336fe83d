// The audit log's words, as a family reads them: who gave a command ("the owner", "a paired
// phone", "the owner on this PC", "automatically"), never a token id or a transport, and what
// came of it in a sentence rather than a code such as `no_confirmation`.
import type { StringKey } from '../../i18n/catalogue/index.js';
import type { Translate } from '../../i18n/translate.js';

/** Who an audit entry's actor is, from the hub's `describe(caller)` forms. */
export function whoText(actor: string, t: Translate, nameOf: (id: string) => string): string {
  if (actor === 'token admin (admin)') return t('home.who.owner');
  if (actor === 'the desktop app') return t('home.who.desktop');
  if (/^token \S+ \(control\)$/.test(actor)) return t('home.who.phone');
  if (/^token \S+ \(admin\)$/.test(actor)) return t('home.who.ownerSession');
  const action = /^action \S+?:(\S+)$/.exec(actor);
  if (action) return t('home.who.automatic', { rule: action[1]! });
  const device = /^device (\S+)$/.exec(actor);
  if (device) return nameOf(device[1]!);
  if (/^integration /.test(actor)) return t('home.who.integration');
  return actor;
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
