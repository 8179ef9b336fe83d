// What needs the owner's attention: the hub's warnings (a state file recovered, old-device
// mode on, …) and those Home works out from the locks (jammed, battery low).
import type { Warning } from '../hooks/use-hub-overview.js';
import { useLanguage, useT } from '../i18n/LanguageProvider.js';
import { formatDateTime } from './format.js';

export function WarningsCard({ warnings }: { warnings: Warning[] }) {
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
              key={`${warning.code}-${warning.at}-${warning.message}`}
              className="warning"
              data-code={warning.code}
            >
              <span className="warning-message">{warning.message}</span>
              <span className="warning-meta">
                <code>{warning.code}</code> · {formatDateTime(warning.at, language)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
