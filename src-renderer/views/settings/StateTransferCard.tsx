// Back up and restore: "Export state" downloads the hub's whole state as JSON; "Import state…"
// reads a file, has the hub check it (a dry run that changes nothing), shows what the import
// would keep and remove, asks, and says what happened (and tells the settings form to re-read).
import { useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';

type Message = { ok: boolean; text: string } | null;

type Changes = Awaited<ReturnType<HubSession['api']['importState']>>['changes'];

interface Chosen {
  file: string;
  state: Record<string, unknown>;
  changes: Changes;
}

interface StateTransferCardProps {
  session: HubSession;
  /** Told after an import, so what shows the hub's settings can read them again. */
  onImported?: () => void;
}

export function StateTransferCard({ session, onImported }: StateTransferCardProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState<'export' | 'check' | 'import' | null>(null);
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
    let state: Record<string, unknown>;
    try {
      const parsed: unknown = JSON.parse(await file.text());
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new Error();
      state = parsed as Record<string, unknown>;
    } catch {
      setMessage({ ok: false, text: t('settings.state.notJson', { file: file.name }) });
      return;
    }
    setBusy('check');
    session.api.importState({ state, dryRun: true }).then(
      (result) => {
        setBusy(null);
        setChosen({ file: file.name, state, changes: result.changes });
      },
      (caught: unknown) => {
        setBusy(null);
        setMessage({
          ok: false,
          text: t('settings.state.importFailed', { file: file.name, error: errorText(caught, t) }),
        });
      },
    );
  };

  const importChosen = (item: Chosen) => {
    setChosen(null);
    setBusy('import');
    session.api.importState({ state: item.state }).then(
      (result) => {
        setBusy(null);
        setMessage({
          ok: true,
          text: t('settings.state.imported', { file: item.file, keptAs: result.keptAs ?? '' }),
        });
        onImported?.();
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
          {busy === 'import'
            ? t('settings.state.importing')
            : busy === 'check'
              ? t('settings.state.checking')
              : t('settings.state.import')}
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
          <ImportPreview changes={chosen.changes} />
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

/** What the dry run said the import would do, in the family's words. */
function ImportPreview({ changes }: { changes: Changes }) {
  const t = useT();
  const lost = [...changes.devices.removed, ...changes.tokens.removed];
  const count = (diff: Changes['devices']) => ({
    kept: diff.kept,
    added: diff.added.length,
    removed: diff.removed.length,
  });
  return (
    <ul className="import-preview">
      {changes.name.from !== changes.name.to && (
        <li>{t('settings.state.preview.name', changes.name)}</li>
      )}
      {changes.otherHub && <li>{t('settings.state.preview.otherHub')}</li>}
      <li>{t('settings.state.preview.devices', count(changes.devices))}</li>
      <li>{t('settings.state.preview.tokens', count(changes.tokens))}</li>
      {lost.length > 0 && (
        <li className="import-preview-lost">
          {t('settings.state.preview.lost', { names: lost.join(', ') })}
        </li>
      )}
      <li>{t('settings.state.preview.adminToken')}</li>
    </ul>
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
