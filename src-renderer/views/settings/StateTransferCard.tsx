// Back up and restore: "Export state" downloads the hub's whole state as JSON; "Import state…"
// reads a file, asks before replacing everything, and says what happened.
import { useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';

type Message = { ok: boolean; text: string } | null;

interface Chosen {
  file: string;
  state: Record<string, unknown>;
}

export function StateTransferCard({ session }: { session: HubSession }) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'import' | null>(null);
  const [message, setMessage] = useState<Message>(null);
  const [chosen, setChosen] = useState<Chosen | null>(null);

  const exportState = () => {
    setBusy('export');
    setMessage(null);
    session.api.exportState({}).then(
      (state) => {
        const file = `hearth-state-${new Date().toISOString().slice(0, 19).replace(/:/g, '-')}.json`;
        download(file, JSON.stringify(state, null, 2));
        setBusy(null);
        setMessage({ ok: true, text: t('settings.state.exported', { file }) });
      },
      (caught: unknown) => {
        setBusy(null);
        setMessage({
          ok: false,
          text: t('settings.state.exportFailed', { error: errorText(caught, t) }),
        });
      },
    );
  };

  const choose = async (file: File) => {
    setMessage(null);
    if (input.current) input.current.value = '';
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      setChosen({ file: file.name, state: parsed as Record<string, unknown> });
    } catch {
      setMessage({ ok: false, text: t('settings.state.notJson', { file: file.name }) });
    }
  };

  const importChosen = (item: Chosen) => {
    setChosen(null);
    setBusy('import');
    session.api.importState({ state: item.state }).then(
      (result) => {
        setBusy(null);
        setMessage({
          ok: true,
          text: t('settings.state.imported', { file: item.file, keptAs: result.keptAs }),
        });
      },
      (caught: unknown) => {
        setBusy(null);
        setMessage({
          ok: false,
          text: t('settings.state.importFailed', { file: item.file, error: errorText(caught, t) }),
        });
      },
    );
  };

  return (
    <section className="card" aria-labelledby="state-title">
      <h2 id="state-title">{t('settings.state.title')}</h2>
      <p className="muted">{t('settings.state.intro')}</p>
      <div className="settings-actions">
        <button
          type="button"
          className="button button-quiet"
          disabled={busy !== null}
          onClick={exportState}
        >
          {busy === 'export' ? t('settings.state.exporting') : t('settings.state.export')}
        </button>
        <label className={busy ? 'button button-quiet is-busy' : 'button button-quiet'}>
          {busy === 'import' ? t('settings.state.importing') : t('settings.state.import')}
          <input
            ref={input}
            type="file"
            className="visually-hidden"
            accept=".json,application/json"
            disabled={busy !== null}
            onChange={(event) => {
              const file = event.target.files?.[0];
              if (file) void choose(file);
            }}
          />
        </label>
      </div>
      {chosen && (
        <div
          className="confirm"
          role="group"
          aria-label={t('settings.state.importQuestion', { file: chosen.file })}
        >
          <span className="confirm-question">
            {t('settings.state.importQuestion', { file: chosen.file })}
          </span>
          <button
            type="button"
            className="button button-danger button-small"
            onClick={() => importChosen(chosen)}
          >
            {t('settings.state.importConfirm')}
          </button>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => setChosen(null)}
          >
            {t('common.cancel')}
          </button>
        </div>
      )}
      <div aria-live="polite">
        {message && (
          <p
            className={message.ok ? 'settings-ok' : 'notice notice-error'}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
      </div>
    </section>
  );
}

function download(file: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = file;
  document.body.append(link);
  link.click();
  link.remove();
  // Revoked later: some browsers start reading the blob only after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
