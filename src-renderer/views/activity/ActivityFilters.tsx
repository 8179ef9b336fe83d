// Filter the rows by kind, device and any text; export what is shown as CSV or JSON.
import { useId } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';
import type { RowFilter } from './activity-rows.js';

interface ActivityFiltersProps {
  filter: RowFilter;
  kinds: Array<{ code: string; label: string }>;
  onChange(filter: RowFilter): void;
  exportDisabled: boolean;
  onExport(format: 'csv' | 'json'): void;
}

export function ActivityFilters({
  filter,
  kinds,
  onChange,
  exportDisabled,
  onExport,
}: ActivityFiltersProps) {
  const t = useT();
  const kindId = useId();
  const deviceId = useId();
  const textId = useId();
  return (
    <div className="filters">
      <div className="filter">
        <label htmlFor={kindId}>{t('activity.filter.kind')}</label>
        <select
          id={kindId}
          className="input"
          value={filter.kind}
          onChange={(event) => onChange({ ...filter, kind: event.target.value })}
        >
          <option value="">{t('activity.filter.allKinds')}</option>
          {kinds.map((kind) => (
            <option key={kind.code} value={kind.code}>
              {kind.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={deviceId}>{t('activity.filter.device')}</label>
        <input
          id={deviceId}
          className="input"
          type="search"
          value={filter.device}
          placeholder={t('activity.filter.devicePlaceholder')}
          onChange={(event) => onChange({ ...filter, device: event.target.value })}
        />
      </div>
      <div className="filter">
        <label htmlFor={textId}>{t('activity.filter.text')}</label>
        <input
          id={textId}
          className="input"
          type="search"
          value={filter.text}
          placeholder={t('activity.filter.textPlaceholder')}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </div>
      <div className="filter-actions">
        <button
          type="button"
          className="button button-quiet button-small"
          disabled={exportDisabled}
          onClick={() => onExport('csv')}
        >
          {t('activity.export.csv')}
        </button>
        <button
          type="button"
          className="button button-quiet button-small"
          disabled={exportDisabled}
          onClick={() => onExport('json')}
        >
          {t('activity.export.json')}
        </button>
      </div>
    </div>
  );
}
