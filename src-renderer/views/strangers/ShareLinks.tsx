// The picture's links for sharing: the signed image link and the original hub's /get_pic form.
// Both stop working when the signature expires; the time is said next to them.
import { CopyField } from '../../components/CopyField.js';
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
      <CopyField label={t('strangers.share.image')} value={links.image} />
      <CopyField label={t('strangers.share.getPic')} value={links.getPic} />
    </div>
  );
}
