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
