// Holds the panel's language for every view: useT() gives the translate function, and
// useLanguage() the current language and a way to change it (Settings).
import { createContext, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import type { ReactNode } from 'react';
import { saveLanguage, savedLanguage, systemLanguage, type Language } from './languages.js';
import { translator, type Translate } from './translate.js';

interface LanguageState {
  language: Language;
  setLanguage: (language: Language) => void;
  t: Translate;
}

const LanguageContext = createContext<LanguageState | null>(null);

export function LanguageProvider({ children }: { children: ReactNode }) {
  const [language, setChosen] = useState<Language>(
    () => savedLanguage() ?? systemLanguage(navigator.languages ?? [navigator.language]),
  );
  const setLanguage = useCallback((next: Language) => {
    saveLanguage(next);
    setChosen(next);
  }, []);
  useEffect(() => {
    document.documentElement.lang = language;
  }, [language]);
  const value = useMemo(
    () => ({ language, setLanguage, t: translator(language) }),
    [language, setLanguage],
  );
  return <LanguageContext.Provider value={value}>{children}</LanguageContext.Provider>;
}

function useLanguageState(): LanguageState {
  const state = useContext(LanguageContext);
  if (!state) throw new Error('useT() is used outside <LanguageProvider>');
  return state;
}

export function useT(): Translate {
  return useLanguageState().t;
}

export function useLanguage(): Pick<LanguageState, 'language' | 'setLanguage'> {
  const { language, setLanguage } = useLanguageState();
  return { language, setLanguage };
}
