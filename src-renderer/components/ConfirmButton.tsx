// A destructive button that asks first, in place: "Remove" becomes "Remove <what>?" with
// Yes / Cancel, so nothing is lost to a stray click and no browser dialog is needed.
import { useState } from 'react';
import { useT } from '../i18n/LanguageProvider.js';

interface ConfirmButtonProps {
  label: string;
  /** The question, e.g. "Remove Front door?". */
  question: string;
  confirmLabel: string;
  busy?: boolean;
  onConfirm: () => void;
}

export function ConfirmButton({
  label,
  question,
  confirmLabel,
  busy,
  onConfirm,
}: ConfirmButtonProps) {
  const t = useT();
  const [asking, setAsking] = useState(false);
  if (!asking) {
    return (
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={busy}
        onClick={() => setAsking(true)}
      >
        {busy ? `${label}…` : label}
      </button>
    );
  }
  return (
    <span className="confirm" role="group" aria-label={question}>
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className="button button-danger button-small"
        onClick={() => {
          setAsking(false);
          onConfirm();
        }}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        onClick={() => setAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  );
}
