// The hub's settings as one form: the values the hub holds, the fields changed since (kept
// while the person visits other views, and a reload or closed tab asks first), and one Save
// that sends every change in one PATCH. The hub validates the whole result before it writes
// anything, so a refused save changes nothing; its words go beside the field they name.
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import type { StringKey } from '../../i18n/catalogue/index.js';
import { errorText } from '../error-text.js';
import { useFetched } from '../use-fetched.js';
import {
  changedFields,
  draftValue,
  patchOf,
  problemsByField,
  storedValue,
  type Draft,
  type DraftValue,
  type FieldProblem,
} from './settings-draft.js';
import { fieldId, inputId, type FieldDef, type HubSettings } from './settings-fields.js';
import { unitName } from './unit-names.js';

export type SaveOutcome =
  { kind: 'saving' } | { kind: 'saved' } | { kind: 'failed'; text: string } | null;

export interface SettingsForm {
  settings: HubSettings | null;
  loading: boolean;
  loadError: string | null;
  reload(): void;
  /** Re-reads the hub's values (after a state import) without dropping the changes. */
  refresh(): void;
  valueOf(def: FieldDef): DraftValue;
  edit(def: FieldDef, value: DraftValue): void;
  changed: FieldDef[];
  problems: Record<string, string>;
  outcome: SaveOutcome;
  save(): void;
  discard(): void;
}

const problemText: Record<FieldProblem, StringKey> = {
  integer: 'settings.form.wholeNumber',
  number: 'settings.form.number',
  whole: 'settings.quantity.whole',
  exact: 'settings.quantity.exact',
  range: 'settings.quantity.range',
  digits: 'settings.quantity.digits',
};

/** Changes not saved yet, per signed-in session: leaving Settings for a moment keeps them. */
const keptEdits = new WeakMap<HubSession, Draft>();

export function useSettingsForm(session: HubSession, fields: FieldDef[]): SettingsForm {
  const t = useT();
  const fetchSettings = useCallback(() => session.api.getSettings({}), [session]);
  const fetched = useFetched(session, fetchSettings);
  const settings = fetched.data;
  const [edits, setEdits] = useState<Draft>(() => keptEdits.get(session) ?? {});
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [outcome, setOutcome] = useState<SaveOutcome>(null);
  const saving = useRef(false);

  const changed = useMemo(
    () => (settings ? changedFields(fields, edits, settings) : []),
    [fields, edits, settings],
  );

  useEffect(() => {
    keptEdits.set(session, edits);
  }, [session, edits]);
  useUnloadWarning(changed.length > 0);

  // "Saved." says so for a moment, then the bar goes until the next change.
  useEffect(() => {
    if (outcome?.kind !== 'saved') return;
    const timer = setTimeout(() => setOutcome(null), 5000);
    return () => clearTimeout(timer);
  }, [outcome]);

  const valueOf = (def: FieldDef): DraftValue => {
    const edited = edits[fieldId(def)];
    if (edited !== undefined) return edited;
    return settings ? draftValue(def, storedValue(def, settings)) : '';
  };

  const edit = (def: FieldDef, value: DraftValue) => {
    const id = fieldId(def);
    setEdits((current) => ({ ...current, [id]: value }));
    setProblems((current) => {
      const rest = { ...current };
      delete rest[id];
      return rest;
    });
    setOutcome((current) => (current?.kind === 'saving' ? current : null));
  };

  const refuse = (found: Record<string, string>, text: string) => {
    setProblems(found);
    setOutcome({ kind: 'failed', text });
    const first = fields.find((def) => found[fieldId(def)] !== undefined);
    if (first) revealField(first);
  };

  const save = () => {
    if (saving.current || !settings || changed.length === 0) return;
    const result = patchOf(changed, edits);
    if (!result.ok) {
      const found: Record<string, string> = {};
      for (const def of changed) {
        const problem = result.problems[fieldId(def)];
        if (!problem) continue;
        const stored = def.quantity && unitName(t, def.quantity.stored);
        found[fieldId(def)] = t(problemText[problem], stored ? { unit: stored } : undefined);
      }
      refuse(found, t('settings.save.fixMarked'));
      return;
    }
    saving.current = true;
    const sent = edits;
    setProblems({});
    setOutcome({ kind: 'saving' });
    session.api.updateSettings(result.patch).then(
      (saved) => {
        saving.current = false;
        fetched.setData(saved);
        // What was typed while saving stays a change; what was sent now is the hub's value.
        setEdits((current) =>
          Object.fromEntries(Object.entries(current).filter(([id, value]) => sent[id] !== value)),
        );
        setOutcome({ kind: 'saved' });
      },
      (caught: unknown) => {
        saving.current = false;
        const text = errorText(caught, t);
        const { byField, rest } = problemsByField(fields, text);
        // The hub's limits are in its own unit ("<=268435455"): say which.
        for (const def of fields) {
          const reason = byField[fieldId(def)];
          if (reason === undefined || !def.quantity) continue;
          const unit = unitName(t, def.quantity.stored);
          byField[fieldId(def)] = `${reason} ${t('settings.quantity.hubUnit', { unit })}`;
        }
        const marked = Object.keys(byField).length > 0;
        refuse(
          byField,
          marked && rest.length === 0
            ? t('settings.save.refusedMarked')
            : t('settings.form.failed', { error: marked ? rest.join('; ') : text }),
        );
      },
    );
  };

  return {
    settings,
    loading: fetched.loading,
    loadError: fetched.error,
    reload: fetched.reload,
    refresh: fetched.refresh,
    valueOf,
    edit,
    changed,
    problems,
    outcome,
    save,
    discard: () => {
      setEdits({});
      setProblems({});
      setOutcome(null);
    },
  };
}

/** Opens the fold a refused field is in (Advanced) and puts the cursor in it. */
function revealField(def: FieldDef): void {
  const input = document.getElementById(inputId(def));
  const fold = input?.closest('details');
  if (fold) fold.open = true;
  input?.focus();
}

/** While changes are unsaved, reloading or closing the tab asks first (the browser's own question). */
function useUnloadWarning(unsaved: boolean): void {
  useEffect(() => {
    if (!unsaved) return;
    const ask = (event: BeforeUnloadEvent) => {
      event.preventDefault();
    };
    window.addEventListener('beforeunload', ask);
    return () => window.removeEventListener('beforeunload', ask);
  }, [unsaved]);
}
