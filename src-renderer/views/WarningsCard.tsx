// What needs the owner's attention: the hub's warnings (a state file recovered, old-device
// mode on, …), worded from the catalogue by their code, and those Home works out from the locks
// (jammed). The code stays out of sight (a data attribute, for tests and styling).
import type { Warning } from '../hooks/use-hub-overview.js';
import { useLanguage, useT } from '../i18n/LanguageProvider.js';
import { formatDateTime } from './format.js';
import { warningText } from './hub-text/hub-text.js';
import type { Speaker } from './hub-text/speaker.js';

export interface ShownWarning {
  code: string;
  text: string;
  at: string;
}

/** A hub warning as the card shows it. */
export function shownWarning(warning: Warning, speaker: Speaker): ShownWarning {
  return { code: warning.code, text: warningText(warning, speaker), at: warning.at };
}

export function WarningsCard({ warnings }: { warnings: ShownWarning[] }) {
  const t = useT();
  const { language } = useLanguage();
  return (
    <section className="card card-wide" aria-labelledby="warnings-card-title">
      <h2 id="warnings-card-title">
        {t('common.warnings.title')}
        {warnings.length > 0 && <span className="badge">{warnings.length}</span>}
      </h2>
      {warnings.length === 0 ? (
        <p className="muted">{t('common.warnings.none')}</p>
      ) : (
        <ul className="warnings" aria-live="polite">
          {warnings.map((warning) => (
            <li
              key={`${warning.code}-${warning.at}-${warning.text}`}
              className="warning"
              data-code={warning.code}
            >
              <span className="warning-message">{warning.text}</span>
              <span className="warning-meta">{formatDateTime(warning.at, language)}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
