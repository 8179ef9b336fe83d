// Search box and the kind and state filters above the device list.
import { useT } from '../../i18n/LanguageProvider.js';
import {
  kindFilters,
  stateFilters,
  type DeviceFilter,
  type KindFilter,
  type StateFilter,
} from './device-filter.js';

interface DeviceToolbarProps {
  filter: DeviceFilter;
  onChange(filter: DeviceFilter): void;
}

export function DeviceToolbar({ filter, onChange }: DeviceToolbarProps) {
  const t = useT();
  return (
    <div className="device-toolbar" role="search">
      <div className="device-toolbar-field device-toolbar-search">
        <label htmlFor="device-search">{t('devices.search')}</label>
        <input
          id="device-search"
          className="input"
          type="search"
          value={filter.text}
          placeholder={t('devices.searchPlaceholder')}
          autoComplete="off"
          spellCheck={false}
          onChange={(event) => onChange({ ...filter, text: event.target.value })}
        />
      </div>
      <div className="device-toolbar-field">
        <label htmlFor="device-kind">{t('devices.filterKind')}</label>
        <select
          id="device-kind"
          className="input"
          value={filter.kind}
          onChange={(event) => onChange({ ...filter, kind: event.target.value as KindFilter })}
        >
          {kindFilters.map((kind) => (
            <option key={kind} value={kind}>
              {t(`devices.kind.${kind}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="device-toolbar-field">
        <label htmlFor="device-state">{t('devices.filterState')}</label>
        <select
          id="device-state"
          className="input"
          value={filter.state}
          onChange={(event) => onChange({ ...filter, state: event.target.value as StateFilter })}
        >
          {stateFilters.map((state) => (
            <option key={state} value={state}>
              {t(`devices.state.${state}`)}
            </option>
          ))}
        </select>
      </div>
    </div>
  );
}
