// The theme the owner chose ('system' follows the operating system) and where it is kept. The
// choice is not a secret, so localStorage is fine; a window that refuses storage keeps it for
// the page's life.
export const themeChoices = ['system', 'light', 'dark'] as const;

export type ThemeChoice = (typeof themeChoices)[number];
export type ResolvedTheme = 'light' | 'dark';

const STORAGE_KEY = 'hearth.theme';

export function savedThemeChoice(): ThemeChoice {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return themeChoices.find((choice) => choice === saved) ?? 'system';
  } catch {
    return 'system';
  }
}

export function saveThemeChoice(choice: ThemeChoice): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, choice);
  } catch {
    // Private windows may refuse storage; the choice then lasts until the page closes.
  }
}

export function resolveTheme(choice: ThemeChoice, systemDark: boolean): ResolvedTheme {
  if (choice === 'system') return systemDark ? 'dark' : 'light';
  return choice;
}
