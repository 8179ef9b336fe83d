// "Advanced": what the owner sets up once, folded away below the everyday settings and closed
// until opened, so Settings starts short. The summary says what is inside, and how many
// changes in there are not saved yet, so a change made in the fold is not forgotten when it is
// closed.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';

interface AdvancedFoldProps {
  summary: string;
  unsaved?: number;
  children: ReactNode;
}

export function AdvancedFold({ summary, unsaved = 0, children }: AdvancedFoldProps) {
  const t = useT();
  return (
    <details className="settings-advanced">
      <summary>
        <span className="settings-advanced-title">{t('settings.advanced.title')}</span>
        {unsaved > 0 && (
          <span className="settings-advanced-unsaved">
            {t('settings.advanced.unsaved', { count: unsaved })}
          </span>
        )}
        <span className="settings-advanced-summary">{summary}</span>
      </summary>
      <div className="stack settings-advanced-body">{children}</div>
    </details>
  );
}
