// One area's strings in every language the panel speaks. The Chinese table must have exactly
// the English table's keys (the type checker says which one is missing), so no string can be
// left untranslated by accident. `{name}` marks a value filled in at run time.
export type StringTable = Record<string, string>;

export interface AreaStrings<E extends StringTable> {
  en: E;
  'zh-CN': { [K in keyof E]: string };
}

export function defineStrings<const E extends StringTable>(
  en: E,
  zhCN: { [K in keyof E]: string },
): AreaStrings<E> {
  return { en, 'zh-CN': zhCN };
}

/**
 * The strings of a family of the hub's codes (warnings, activity, errors), keyed
 * `<prefix>.<code>`. Both tables are typed by the family's codes, so a code the hub adds is a
 * type error here until it is worded in every language.
 */
export function codeStrings<const P extends string, C extends string>(
  prefix: P,
  en: Record<C, string>,
  zhCN: Record<C, string>,
): AreaStrings<{ [K in C as `${P}.${K}`]: string }> {
  const keyed = (table: Record<C, string>) =>
    Object.fromEntries(Object.entries(table).map(([code, text]) => [`${prefix}.${code}`, text]));
  return { en: keyed(en), 'zh-CN': keyed(zhCN) } as AreaStrings<{
    [K in C as `${P}.${K}`]: string;
  }>;
}
