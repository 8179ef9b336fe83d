// One hub setting in the form: a checkbox, a text or list field, a whole number, or a size or
// duration as a number with its unit ("2" + "GB"). Its help below it, and the reason it was
// not saved (the panel's or the hub's own words) beside it.
import type { ReactNode } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';
import type { Amount, UnitId } from './quantity.js';
import type { DraftValue } from './settings-draft.js';
import { unitName } from './unit-names.js';
import { inputId, type FieldDef } from './settings-fields.js';

interface FieldProps {
  def: FieldDef;
  value: DraftValue;
  changed: boolean;
  problem: string | undefined;
  onChange(value: DraftValue): void;
}

export function SettingsField({ def, value, changed, problem, onChange }: FieldProps) {
  const t = useT();
  const id = inputId(def);
  const helpId = def.help ? `${id}-help` : undefined;
  const problemId = problem ? `${id}-problem` : undefined;
  const describedBy = [helpId, problemId].filter(Boolean).join(' ') || undefined;
  const help = def.help && (
    <span id={helpId} className="settings-help">
      {t(def.help)}
      {def.kind === 'lines' && ` ${t('settings.form.onePerLine')}`}
      {def.kind === 'words' && ` ${t('settings.form.commaSeparated')}`}
    </span>
  );
  const problemText = problem && (
    <span id={problemId} className="settings-problem">
      {problem}
    </span>
  );
  const marker = changed && <span className="settings-changed">{t('settings.form.changed')}</span>;
  const fieldClass = (extra = '') =>
    `settings-field${extra}${changed ? ' settings-field-changed' : ''}`;

  if (def.kind === 'boolean') {
    return (
      <div className={fieldClass(' settings-check')}>
        <input
          id={id}
          type="checkbox"
          checked={value === true}
          aria-describedby={describedBy}
          onChange={(event) => onChange(event.target.checked)}
        />
        <label htmlFor={id}>
          {t(def.label)}
          {help}
        </label>
        {marker}
        {problemText}
      </div>
    );
  }
  const common = {
    id,
    className: 'input',
    'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
  };
  let control: ReactNode;
  if (def.kind === 'quantity') {
    control = (
      <QuantityInput def={def} amount={value as Amount} common={common} onChange={onChange} />
    );
  } else if (def.kind === 'lines') {
    control = (
      <textarea
        {...common}
        value={String(value)}
        rows={3}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  } else {
    const words = def.kind === 'text' || def.kind === 'words';
    control = (
      <input
        {...common}
        className={def.kind === 'integer' ? 'input settings-amount' : 'input'}
        type="text"
        value={String(value)}
        inputMode={def.kind === 'optional-text' ? 'url' : words ? 'text' : 'numeric'}
        autoComplete="off"
        spellCheck={words ? false : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
    );
  }
  return (
    <div className={fieldClass()}>
      <div className="settings-label-row">
        <label htmlFor={id}>{t(def.label)}</label>
        {marker}
      </div>
      <div className="settings-input-row">{control}</div>
      {help}
      {problemText}
    </div>
  );
}

interface QuantityInputProps {
  def: FieldDef;
  amount: Amount;
  common: { id: string; className: string };
  onChange(value: Amount): void;
}

/** The number in the unit chosen beside it; changing the unit keeps the number typed. */
function QuantityInput({ def, amount, common, onChange }: QuantityInputProps) {
  const t = useT();
  const units = def.quantity!.units;
  return (
    <>
      <input
        {...common}
        className="input settings-amount"
        type="text"
        inputMode="decimal"
        autoComplete="off"
        value={amount.amount}
        onChange={(event) => onChange({ ...amount, amount: event.target.value })}
      />
      {units.length > 1 ? (
        <select
          id={`${common.id}-unit`}
          className="input settings-unit-select"
          aria-label={t('settings.quantity.unit', { what: t(def.label) })}
          value={amount.unit}
          onChange={(event) => onChange({ ...amount, unit: event.target.value as UnitId })}
        >
          {units.map((unit) => (
            <option key={unit} value={unit}>
              {unitName(t, unit, amount.amount)}
            </option>
          ))}
        </select>
      ) : (
        <span className="settings-unit">{unitName(t, amount.unit, amount.amount)}</span>
      )}
    </>
  );
}
