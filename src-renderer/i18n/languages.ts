// The languages the panel speaks. The first visit follows the system (navigator.languages);
// a choice made in Settings is remembered in localStorage (it is not a secret).
export const languages = [
  { id: 'en', label: 'English' },
  { id: 'zh-CN', label: '简体中文' },
] as const;

export type Language = (typeof languages)[number]['id'];

const STORAGE_KEY = 'hearth.language';

export function systemLanguage(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower.startsWith('zh')) return 'zh-CN';
    if (lower.startsWith('en')) return 'en';
  }
  return 'en';
}

export function savedLanguage(): Language | null {
  try {
    const saved = window.localStorage.getItem(STORAGE_KEY);
    return languages.some((language) => language.id === saved) ? (saved as Language) : null;
  } catch {
    return null;
  }
}

export function saveLanguage(language: Language): void {
  try {
    window.localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // Private windows may refuse storage; the choice then lasts until the page closes.
  }
}
