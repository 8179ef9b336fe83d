// Filters for the gallery: one camera or all, and one day or any.
import { useId } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';
import type { StrangerFilter } from './use-strangers.js';

interface StrangerFiltersProps {
  filter: StrangerFilter;
  cameras: { id: string; name: string }[];
  onChange(filter: StrangerFilter): void;
}

export function StrangerFilters({ filter, cameras, onChange }: StrangerFiltersProps) {
  const t = useT();
  const cameraId = useId();
  const dayId = useId();
  const filtered = filter.camera !== null || filter.day !== null;
  return (
    <form
      className="filters"
      aria-label={t('strangers.filters')}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="filter">
        <label htmlFor={cameraId}>{t('strangers.filterCamera')}</label>
        <select
          id={cameraId}
          className="input"
          value={filter.camera ?? ''}
          onChange={(event) => onChange({ ...filter, camera: event.target.value || null })}
        >
          <option value="">{t('strangers.allCameras')}</option>
          {cameras.map((camera) => (
            <option key={camera.id} value={camera.id}>
              {truncate(camera.name)}
            </option>
          ))}
        </select>
      </div>
      <div className="filter">
        <label htmlFor={dayId}>{t('strangers.filterDay')}</label>
        <input
          id={dayId}
          className="input"
          type="date"
          value={filter.day ?? ''}
          onChange={(event) => onChange({ ...filter, day: event.target.value || null })}
        />
      </div>
      {filtered && (
        <button
          type="button"
          className="button button-quiet button-small"
          onClick={() => onChange({ camera: null, day: null })}
        >
          {t('strangers.clearFilters')}
        </button>
      )}
    </form>
  );
}

/** An <option> cannot be styled with an ellipsis, so long names are cut here. */
function truncate(text: string, max = 40): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}
