// Fills a catalogue string: `{name}` is a value, and `{name, select, a {…} b {…} other {…}}`
// picks a variant by a value (ICU MessageFormat's select), so one code can read well in every
// language whether or not an optional detail is there (`null` selects the `null` case). Branches
// may hold placeholders of their own. Anything that is not a known placeholder stays as written.
export type TemplateValue = string | number | boolean | null | undefined;

export function fillTemplate(template: string, values: Record<string, TemplateValue>): string {
  let out = '';
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const close = matchingBrace(template, open);
    if (close < 0) break;
    out += template.slice(at, open);
    const filled = placeholder(template.slice(open + 1, close), values);
    out += filled ?? template.slice(open, close + 1);
    at = close + 1;
  }
  return out + template.slice(at);
}

function placeholder(inner: string, values: Record<string, TemplateValue>): string | null {
  const simple = /^\s*(\w+)\s*$/.exec(inner);
  if (simple) {
    const name = simple[1]!;
    if (!(name in values) || values[name] === undefined) return null;
    const value = values[name];
    return value === null ? '' : String(value);
  }
  const select = /^\s*(\w+)\s*,\s*select\s*,/.exec(inner);
  if (!select) return null;
  const value = values[select[1]!];
  const key = value === null || value === undefined ? 'null' : String(value);
  const cases = parseCases(inner.slice(select[0].length));
  const chosen = cases.get(key) ?? cases.get('other');
  return chosen === undefined ? null : fillTemplate(chosen, values);
}

/** `a {text} other {text}` → a map from case to its text. */
function parseCases(text: string): Map<string, string> {
  const cases = new Map<string, string>();
  let at = 0;
  while (at < text.length) {
    const open = text.indexOf('{', at);
    if (open < 0) break;
    const close = matchingBrace(text, open);
    if (close < 0) break;
    cases.set(text.slice(at, open).trim(), text.slice(open + 1, close));
    at = close + 1;
  }
  return cases;
}

function matchingBrace(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === '{') depth++;
    else if (text[i] === '}' && --depth === 0) return i;
  }
  return -1;
}

/** The values a template uses, its variants' included (for checking a catalogue's strings). */
export function templateNames(template: string): string[] {
  const names: string[] = [];
  let at = 0;
  while (at < template.length) {
    const open = template.indexOf('{', at);
    if (open < 0) break;
    const close = matchingBrace(template, open);
    if (close < 0) break;
    const inner = template.slice(open + 1, close);
    const simple = /^\s*(\w+)\s*$/.exec(inner);
    const select = /^\s*(\w+)\s*,\s*select\s*,/.exec(inner);
    if (simple) names.push(simple[1]!);
    if (select) {
      names.push(select[1]!);
      for (const body of parseCases(inner.slice(select[0].length)).values()) {
        names.push(...templateNames(body));
      }
    }
    at = close + 1;
  }
  return names;
}
