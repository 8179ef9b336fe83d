// The picture's links for sharing: the signed image link and the original hub's /get_pic form.
// Both stop working when the signature expires; the time is said next to them.
import { useId, useRef, useState } from 'react';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatDateTime } from '../format.js';
import { shareLinks } from './picture-links.js';
import type { StrangerView } from './use-strangers.js';

export function ShareLinks({ stranger }: { stranger: StrangerView }) {
  const t = useT();
  const { language } = useLanguage();
  const links = shareLinks(stranger);
  return (
    <div className="share">
      <h3>{t('strangers.share.title')}</h3>
      <p className="muted">
        {t('strangers.share.expires', { time: formatDateTime(stranger.linkExpiresAt, language) })}
      </p>
      <LinkField label={t('strangers.share.image')} value={links.image} />
      <LinkField label={t('strangers.share.getPic')} value={links.getPic} />
    </div>
  );
}

function LinkField({ label, value }: { label: string; value: string }) {
  const t = useT();
  const id = useId();
  const input = useRef<HTMLInputElement>(null);
  const [copied, setCopied] = useState(false);
  const copy = () => {
    input.current?.select();
    // The clipboard API exists only on secure pages (not plain http on the LAN): then the text
    // stays selected for the user to copy.
    void navigator.clipboard?.writeText(value).then(
      () => setCopied(true),
      () => setCopied(false),
    );
  };
  return (
    <div className="share-field">
      <label htmlFor={id}>{label}</label>
      <div className="share-row">
        <input
          ref={input}
          id={id}
          className="input"
          readOnly
          value={value}
          onFocus={(event) => event.target.select()}
        />
        <button type="button" className="button button-quiet button-small" onClick={copy}>
          {copied ? t('strangers.share.copied') : t('strangers.share.copy')}
        </button>
      </div>
    </div>
  );
}
