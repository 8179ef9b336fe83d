// A value to copy (a password, an address, a folder's path): read-only, selected on focus, with
// a Copy button that says "Copied" once the clipboard took it.
import { useId, useRef, useState } from 'react';
import { useT } from '../i18n/LanguageProvider.js';

export function useCopy(value: string) {
  const [copied, setCopied] = useState(false);
  const copy = (select: () => void) => {
    select();
    // The clipboard API exists only on secure pages (not plain http on the LAN): then the text
    // stays selected for the person to copy.
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return { copied, copy };
}

interface CopyFieldProps {
  label: string;
  value: string;
  /** What the field shows, when not the value itself (a port with "(TLS)"). */
  shown?: string | undefined;
  className?: string;
}

export function CopyField({ label, value, shown, className = 'share-field' }: CopyFieldProps) {
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const { copied, copy } = useCopy(value);
  return (
    <div className={className}>
      <label htmlFor={id}>{label}</label>
      <div className="share-row">
        <input
          ref={input}
          id={id}
          className="input"
          readOnly
          spellCheck={false}
          value={shown ?? value}
          onFocus={(event) => event.target.select()}
        />
        <CopyButton
          label={label}
          copied={copied}
          onClick={() => copy(() => input.current?.select())}
        />
      </div>
    </div>
  );
}

export function CopyButton({
  label,
  copied,
  onClick,
}: {
  label: string;
  copied: boolean;
  onClick(): void;
}) {
  const t = useT();
  return (
    <button
      type="button"
      className="button button-quiet button-small"
      aria-label={t('common.copyLabel', { what: label })}
      onClick={onClick}
    >
      {copied ? t('common.copied') : t('common.copy')}
    </button>
  );
}
