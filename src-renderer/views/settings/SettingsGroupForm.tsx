// One group of hub settings as a form, saved on its own: the values the hub holds, "Saved."
// after the hub accepted them, and the hub's own words beside a field it refused (nothing is
// changed then: the hub validates the whole result before it writes anything).
import { useState, type FormEvent } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import {
  draftOf,
  fieldId,
  patchOf,
  problemsByField,
  type Draft,
  type FieldDef,
  type GroupDef,
  type HubSettings,
} from './settings-fields.js';

interface SettingsGroupFormProps {
  session: HubSession;
  group: GroupDef;
  settings: HubSettings;
  onSaved(settings: HubSettings): void;
}

type Outcome = { kind: 'saved' } | { kind: 'failed'; text: string } | null;

export function SettingsGroupForm({ session, group, settings, onSaved }: SettingsGroupFormProps) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => draftOf(group, settings));
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [problems, setProblems] = useState<Record<string, string>>({});
  const titleId = `settings-${group.id}-title`;

  const edit = (id: string, value: string | boolean) => {
    setDraft((current) => ({ ...current, [id]: value }));
    setOutcome(null);
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const result = patchOf(group, draft);
    if (!result.ok) {
      const local: Record<string, string> = {};
      for (const [id, kind] of Object.entries(result.problems)) {
        local[id] = t(kind === 'integer' ? 'settings.form.wholeNumber' : 'settings.form.number');
      }
      setProblems(local);
      setOutcome(null);
      return;
    }
    setBusy(true);
    setProblems({});
    setOutcome(null);
    session.api.updateSettings(result.patch).then(
      (saved) => {
        setBusy(false);
        setDraft(draftOf(group, saved));
        setOutcome({ kind: 'saved' });
        onSaved(saved);
      },
      (caught: unknown) => {
        setBusy(false);
        const text = errorText(caught, t);
        setProblems(problemsByField(group, text));
        setOutcome({ kind: 'failed', text: t('settings.form.failed', { error: text }) });
      },
    );
  };

  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(group.title)}</h2>
      <form className="settings-form" onSubmit={submit} noValidate>
        {group.fields.map((def) => (
          <Field
            key={fieldId(def)}
            def={def}
            value={draft[fieldId(def)]!}
            problem={problems[fieldId(def)]}
            onChange={(value) => edit(fieldId(def), value)}
          />
        ))}
        <div className="settings-actions">
          <button type="submit" className="button button-primary" disabled={busy}>
            {busy ? t('settings.form.saving') : t('settings.form.save')}
          </button>
          <span aria-live="polite">
            {outcome?.kind === 'saved' && (
              <span className="settings-ok" role="status">
                {t('settings.form.saved')}
              </span>
            )}
          </span>
        </div>
        {outcome?.kind === 'failed' && (
          <p className="notice notice-error" role="alert">
            {outcome.text}
          </p>
        )}
      </form>
    </section>
  );
}

interface FieldProps {
  def: FieldDef;
  value: string | boolean;
  problem: string | undefined;
  onChange(value: string | boolean): void;
}

function Field({ def, value, problem, onChange }: FieldProps) {
  const t = useT();
  const id = `setting-${def.section}-${def.key}`;
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

  if (def.kind === 'boolean') {
    return (
      <div className="settings-field settings-check">
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
        {problemText}
      </div>
    );
  }
  const common = {
    id,
    className: 'input',
    value: String(value),
    'aria-describedby': describedBy,
    'aria-invalid': problem ? true : undefined,
  };
  return (
    <div className="settings-field">
      <label htmlFor={id}>{t(def.label)}</label>
      <div className="settings-input-row">
        {def.kind === 'lines' ? (
          <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
        ) : (
          <input
            {...common}
            type="text"
            inputMode={
              def.kind === 'optional-text'
                ? 'url'
                : def.kind === 'text' || def.kind === 'words'
                  ? 'text'
                  : 'decimal'
            }
            autoComplete="off"
            spellCheck={def.kind === 'text' || def.kind === 'words' ? false : undefined}
            onChange={(event) => onChange(event.target.value)}
          />
        )}
        {def.unit && <span className="settings-unit">{t(def.unit)}</span>}
      </div>
      {help}
      {problemText}
    </div>
  );
}
