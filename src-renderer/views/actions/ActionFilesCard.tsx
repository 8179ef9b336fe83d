// The action files: loaded or invalid (with the error), the actions each gave, the exports it
// refused, code sent over MQTT that waits for the owner to confirm its SHA-256, and removal.
import { useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { StatusPill } from '../../components/StatusPill.js';
import { TextWithCode } from '../../components/Code.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { fileProblemText } from './action-format.js';
import { ActionFilesEmpty } from './ActionFilesEmpty.js';
import { LoadActionFile, type LoadMessage } from './LoadActionFile.js';
import type { ActionFiles } from './use-actions.js';

interface ActionFilesCardProps {
  session: HubSession;
  files: ActionFiles;
  admin: boolean;
  onChanged(): void;
}

export function ActionFilesCard({ session, files, admin, onChanged }: ActionFilesCardProps) {
  const t = useT();
  const { language } = useLanguage();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [loadMessage, setLoadMessage] = useState<LoadMessage>(null);

  const act = (key: string, call: () => Promise<unknown>, failed: (error: string) => string) => {
    setBusy(key);
    setError(null);
    call().then(
      () => {
        setBusy(null);
        onChanged();
      },
      (caught: unknown) => {
        setBusy(null);
        setError(failed(errorText(caught, t)));
        onChanged();
      },
    );
  };

  const loader = (
    <LoadActionFile
      session={session}
      onLoaded={onChanged}
      message={loadMessage}
      setMessage={setLoadMessage}
    />
  );
  if (files.files.length === 0 && files.pending.length === 0) {
    return <ActionFilesEmpty admin={admin}>{loader}</ActionFilesEmpty>;
  }
  return (
    <section className="card" aria-labelledby="files-title">
      <div className="card-head">
        <h2 id="files-title">{t('actions.files.title')}</h2>
        {admin && loader}
      </div>
      {error && <ErrorNotice text={error} onDismiss={() => setError(null)} />}
      {files.pending.length > 0 && (
        <ul className="item-list" aria-label={t('actions.files.pendingLabel')}>
          {files.pending.map((item) => (
            <li key={item.file} className="item item-pending">
              <div className="item-main">
                <code className="item-title">{item.file}</code>
                <StatusPill tone="warn">{t('actions.files.waiting')}</StatusPill>
                <p className="item-note">
                  <TextWithCode text={t('actions.files.pendingNote')} />{' '}
                  <code className="hash">{item.sha256}</code>
                </p>
              </div>
              {admin && (
                <button
                  type="button"
                  className="button button-primary button-small"
                  disabled={busy === `confirm:${item.file}`}
                  onClick={() =>
                    act(
                      `confirm:${item.file}`,
                      () => session.api.confirmActionFile(item),
                      (error) => t('actions.files.confirmFailed', { file: item.file, error }),
                    )
                  }
                >
                  {busy === `confirm:${item.file}`
                    ? t('actions.files.confirming')
                    : t('actions.files.confirm')}
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      {files.files.length > 0 && (
        <ul className="item-list" aria-label={t('actions.files.listLabel')}>
          {files.files.map((file) => (
            <li key={file.file} className="item">
              <div className="item-main">
                <code className="item-title">{file.file}</code>
                <StatusPill tone={file.status === 'loaded' ? 'ok' : 'bad'}>
                  {t(`actions.files.status.${file.status}`)}
                </StatusPill>
                {file.status === 'invalid' && (
                  <p className="item-error">{fileProblemText(file, { t, language })}</p>
                )}
                <p className="item-note">
                  {file.actions.length > 0
                    ? t('actions.files.actions', { list: file.actions.join(', ') })
                    : t('actions.files.noActions')}
                </p>
                {file.skipped.map((skip) => (
                  <p key={skip.export} className="item-note">
                    {fileProblemText({ problem: skip, error: skip.reason }, { t, language })}
                  </p>
                ))}
              </div>
              {admin && (
                <ConfirmButton
                  label={t('common.delete')}
                  question={t('actions.files.deleteQuestion', { file: file.file })}
                  confirmLabel={t('common.delete')}
                  busy={busy === `delete:${file.file}`}
                  onConfirm={() =>
                    act(
                      `delete:${file.file}`,
                      () => session.api.deleteActionFile({ file: file.file }),
                      (error) => t('actions.files.deleteFailed', { file: file.file, error }),
                    )
                  }
                />
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
