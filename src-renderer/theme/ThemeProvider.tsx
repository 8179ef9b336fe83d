// Light or dark for the whole panel: the owner's choice (Settings), or the system's while the
// choice is "system", followed live when the system switches. The result is written to
// <html data-theme="light|dark">, which the stylesheet's colour variables key on.
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useLayoutEffect,
  useMemo,
  useState,
} from 'react';
import type { ReactNode } from 'react';
import {
  resolveTheme,
  saveThemeChoice,
  savedThemeChoice,
  type ResolvedTheme,
  type ThemeChoice,
} from './theme-choice.js';

interface ThemeState {
  choice: ThemeChoice;
  resolved: ResolvedTheme;
  setChoice: (choice: ThemeChoice) => void;
}

const DARK_QUERY = '(prefers-color-scheme: dark)';

const ThemeContext = createContext<ThemeState | null>(null);

export function ThemeProvider({ children }: { children: ReactNode }) {
  const [choice, setChosen] = useState<ThemeChoice>(savedThemeChoice);
  const [systemDark, setSystemDark] = useState(() => window.matchMedia(DARK_QUERY).matches);

  useEffect(() => {
    const query = window.matchMedia(DARK_QUERY);
    const follow = (event: MediaQueryListEvent) => setSystemDark(event.matches);
    query.addEventListener('change', follow);
    return () => query.removeEventListener('change', follow);
  }, []);

  const resolved = resolveTheme(choice, systemDark);
  // Before the first paint, so a dark choice on a light system never flashes light.
  useLayoutEffect(() => {
    document.documentElement.dataset.theme = resolved;
  }, [resolved]);

  const setChoice = useCallback((next: ThemeChoice) => {
    saveThemeChoice(next);
    setChosen(next);
  }, []);
  const value = useMemo(() => ({ choice, resolved, setChoice }), [choice, resolved, setChoice]);
  return <ThemeContext.Provider value={value}>{children}</ThemeContext.Provider>;
}

export function useTheme(): ThemeState {
  const state = useContext(ThemeContext);
  if (!state) throw new Error('useTheme() is used outside <ThemeProvider>');
  return state;
}
