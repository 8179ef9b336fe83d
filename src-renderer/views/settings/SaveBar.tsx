// The one way to save the hub's settings: a bar kept in view at the bottom of the window while
// anything is changed ("3 unsaved changes · Discard · Save"), "Saving…" while the hub checks
// them, then "Saved." or why not. The reasons for single fields stand beside those fields.
import { useT } from '../../i18n/LanguageProvider.js';
import type { SettingsForm } from './use-settings-form.js';

export function SaveBar({ form }: { form: SettingsForm }) {
  const t = useT();
  const count = form.changed.length;
  const { outcome } = form;
  const saving = outcome?.kind === 'saving';
  if (count === 0 && outcome === null) return null;
  const summary = saving
    ? t('settings.form.saving')
    : count === 0
      ? outcome?.kind === 'saved'
        ? t('settings.form.saved')
        : ''
      : count === 1
        ? t('settings.save.one')
        : t('settings.save.many', { count });
  return (
    <div className="save-bar" role="region" aria-label={t('settings.save.region')}>
      <div className="save-bar-line">
        <p
          className={outcome?.kind === 'saved' && count === 0 ? 'settings-ok' : 'save-bar-count'}
          role="status"
        >
          {summary}
        </p>
        {count > 0 && (
          <div className="save-bar-actions">
            <button
              type="button"
              className="button button-quiet"
              disabled={saving}
              onClick={form.discard}
            >
              {t('settings.save.discard')}
            </button>
            <button
              type="button"
              className="button button-primary"
              disabled={saving}
              aria-busy={saving || undefined}
              onClick={form.save}
            >
              {saving ? t('settings.form.saving') : t('settings.form.save')}
            </button>
          </div>
        )}
      </div>
      {outcome?.kind === 'failed' && (
        <p className="settings-bad save-bar-error" role="alert">
          {outcome.text}
        </p>
      )}
    </div>
  );
}
