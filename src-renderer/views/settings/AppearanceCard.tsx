// Language and theme: kept on this computer or phone, applied at once.
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { languages, type Language } from '../../i18n/languages.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { useTheme } from '../../theme/ThemeProvider.js';
import { themeChoices, type ThemeChoice } from '../../theme/theme-choice.js';

const themeLabels: Record<ThemeChoice, StringKey> = {
  system: 'settings.appearance.themeSystem',
  light: 'settings.appearance.themeLight',
  dark: 'settings.appearance.themeDark',
};

export function AppearanceCard() {
  const t = useT();
  const { language, setLanguage } = useLanguage();
  const theme = useTheme();
  return (
    <section className="card" aria-labelledby="appearance-title">
      <h2 id="appearance-title">{t('settings.appearance.title')}</h2>
      <div className="settings-form">
        <div className="settings-field">
          <label htmlFor="setting-language">{t('settings.appearance.language')}</label>
          <select
            id="setting-language"
            className="input"
            value={language}
            onChange={(event) => setLanguage(event.target.value as Language)}
          >
            {languages.map((option) => (
              <option key={option.id} value={option.id} lang={option.id}>
                {option.label}
              </option>
            ))}
          </select>
        </div>
        <fieldset className="settings-field settings-choices">
          <legend>{t('settings.appearance.theme')}</legend>
          {themeChoices.map((choice) => (
            <label key={choice} className="settings-choice">
              <input
                type="radio"
                name="theme"
                value={choice}
                checked={theme.choice === choice}
                onChange={() => theme.setChoice(choice)}
              />
              {t(themeLabels[choice])}
            </label>
          ))}
        </fieldset>
        <p className="muted">{t('settings.appearance.note')}</p>
      </div>
    </section>
  );
}
