// One picture, large, in a modal dialog (the browser's own <dialog>: focus stays inside, Esc
// closes it, focus returns to the thumbnail). Shows when and where, the share links, Delete.
import { useEffect, useRef } from 'react';
import { ConfirmButton } from '../../components/ConfirmButton.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatBytes, formatDateTime } from '../format.js';
import { pictureSrc } from './picture-links.js';
import { ShareLinks } from './ShareLinks.js';
import type { StrangerView } from './use-strangers.js';

interface PictureDialogProps {
  stranger: StrangerView;
  cameraName: string;
  deleting: boolean;
  onDelete(): void;
  onClose(): void;
}

export function PictureDialog({
  stranger,
  cameraName,
  deleting,
  onDelete,
  onClose,
}: PictureDialogProps) {
  const t = useT();
  const { language } = useLanguage();
  const dialog = useRef<HTMLDialogElement>(null);
  const when = formatDateTime(stranger.at, language);

  useEffect(() => {
    const element = dialog.current;
    // Not closed on unmount: closing fires `close`, which would tell the parent to unmount it
    // again; a removed element leaves the top layer by itself.
    if (element && !element.open) element.showModal();
  }, []);

  return (
    <dialog
      ref={dialog}
      className="picture-dialog"
      aria-labelledby="picture-dialog-title"
      onClose={onClose}
      onClick={(event) => {
        // A click on the backdrop (the dialog element itself, outside its content) closes it.
        if (event.target === dialog.current) dialog.current.close();
      }}
    >
      <div className="picture-dialog-body">
        <div className="card-head">
          <h2 id="picture-dialog-title" className="truncate" title={cameraName}>
            {t('strangers.dialogTitle', { camera: cameraName })}
          </h2>
          <button
            type="button"
            className="button button-quiet button-small"
            onClick={() => dialog.current?.close()}
          >
            {t('common.close')}
          </button>
        </div>
        <img
          className="picture-large"
          src={pictureSrc(stranger)}
          alt={t('strangers.pictureAlt', { camera: cameraName, time: when })}
        />
        <dl className="facts">
          <Fact label={t('strangers.fact.camera')} value={cameraName} />
          <Fact label={t('strangers.fact.seen')} value={when} />
          {stranger.count > 1 && (
            <Fact
              label={t('strangers.fact.firstSeen')}
              value={formatDateTime(stranger.firstAt, language)}
            />
          )}
          <Fact label={t('strangers.fact.count')} value={String(stranger.count)} />
          <Fact
            label={t('strangers.fact.size')}
            value={`${formatBytes(stranger.size)} · ${stranger.type}`}
          />
        </dl>
        <ShareLinks stranger={stranger} />
        <div className="picture-dialog-actions">
          <ConfirmButton
            label={t('common.delete')}
            question={t('strangers.deleteQuestion')}
            confirmLabel={t('common.delete')}
            busy={deleting}
            onConfirm={onDelete}
          />
        </div>
      </div>
    </dialog>
  );
}

function Fact({ label, value }: { label: string; value: string }) {
  return (
    <div className="fact">
      <dt>{label}</dt>
      <dd className="truncate" title={value}>
        {value}
      </dd>
    </div>
  );
}
