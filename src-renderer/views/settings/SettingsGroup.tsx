// One group of hub settings as a card. It has no Save of its own: every change is saved
// together from the save bar (SaveBar), and Enter in a field saves too.
import type { KeyboardEvent } from 'react';
import { useT } from '../../i18n/LanguageProvider.js';
import { SettingsField } from './SettingsField.js';
import { fieldId, type GroupDef } from './settings-fields.js';
import type { SettingsForm } from './use-settings-form.js';

export function SettingsGroup({ group, form }: { group: GroupDef; form: SettingsForm }) {
  const t = useT();
  if (!form.settings) return null;
  const titleId = `settings-${group.id}-title`;
  const changed = new Set(form.changed.map(fieldId));
  // One form per card, so a field's Enter saves; a form with several fields and no submit
  // button would not submit by itself.
  const saveOnEnter = (event: KeyboardEvent<HTMLFormElement>) => {
    if (event.key === 'Enter' && event.target instanceof HTMLInputElement) {
      event.preventDefault();
      form.save();
    }
  };
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t(group.title)}</h2>
      {group.intro && <p className="muted">{t(group.intro)}</p>}
      <form
        className="settings-form"
        noValidate
        onKeyDown={saveOnEnter}
        onSubmit={(event) => {
          event.preventDefault();
          form.save();
        }}
      >
        {group.fields.map((def) => (
          <SettingsField
            key={fieldId(def)}
            def={def}
            value={form.valueOf(def)}
            changed={changed.has(fieldId(def))}
            problem={form.problems[fieldId(def)]}
            onChange={(value) => form.edit(def, value)}
          />
        ))}
      </form>
    </section>
  );
}
