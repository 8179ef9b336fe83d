// The three sources as tabs (arrow keys move between them, as screen-reader users expect).
import type { KeyboardEvent } from 'react';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { useT } from '../../i18n/LanguageProvider.js';

export type ActivitySource = 'live' | 'history' | 'audit';

export const SOURCES: { id: ActivitySource; label: StringKey }[] = [
  { id: 'live', label: 'activity.tab.live' },
  { id: 'history', label: 'activity.tab.history' },
  { id: 'audit', label: 'activity.tab.audit' },
];

export const tabId = (source: ActivitySource) => `activity-tab-${source}`;
export const panelId = 'activity-panel';

export function ActivityTabs({
  current,
  counts,
  onChange,
}: {
  current: ActivitySource;
  counts: Partial<Record<ActivitySource, number>>;
  onChange(source: ActivitySource): void;
}) {
  const t = useT();
  const onKeyDown = (event: KeyboardEvent) => {
    const index = SOURCES.findIndex((source) => source.id === current);
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = SOURCES[(index + step + SOURCES.length) % SOURCES.length]!;
    onChange(next.id);
    document.getElementById(tabId(next.id))?.focus();
  };
  return (
    <div className="tabs" role="tablist" aria-label={t('activity.tabs')} onKeyDown={onKeyDown}>
      {SOURCES.map((source) => (
        <button
          key={source.id}
          id={tabId(source.id)}
          type="button"
          role="tab"
          className="tab"
          aria-selected={current === source.id}
          aria-controls={panelId}
          tabIndex={current === source.id ? 0 : -1}
          onClick={() => onChange(source.id)}
        >
          {t(source.label)}
          {counts[source.id] !== undefined && (
            <span className="tab-count">{counts[source.id]}</span>
          )}
        </button>
      ))}
    </div>
  );
}
