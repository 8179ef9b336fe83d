// A unit's name in the panel's language, singular after exactly 1 ("1 minute", "90 seconds").
import type { StringKey } from '../../i18n/catalogue/index.js';
import type { Translate } from '../../i18n/translate.js';
import type { UnitId } from './quantity.js';

const unitNames: Record<UnitId, { one: StringKey; other: StringKey }> = {
  bytes: { one: 'settings.unit.bytes.one', other: 'settings.unit.bytes.other' },
  KB: { one: 'settings.unit.KB.one', other: 'settings.unit.KB.other' },
  MB: { one: 'settings.unit.MB.one', other: 'settings.unit.MB.other' },
  GB: { one: 'settings.unit.GB.one', other: 'settings.unit.GB.other' },
  ms: { one: 'settings.unit.ms.one', other: 'settings.unit.ms.other' },
  seconds: { one: 'settings.unit.seconds.one', other: 'settings.unit.seconds.other' },
  minutes: { one: 'settings.unit.minutes.one', other: 'settings.unit.minutes.other' },
  hours: { one: 'settings.unit.hours.one', other: 'settings.unit.hours.other' },
  days: { one: 'settings.unit.days.one', other: 'settings.unit.days.other' },
};

export function unitName(t: Translate, unit: UnitId, amount = ''): string {
  return t(amount.trim() === '1' ? unitNames[unit].one : unitNames[unit].other);
}
