// A failed load or action: what went wrong, and a button to try again when that can help.
import { useT } from '../i18n/LanguageProvider.js';

export function ErrorNotice({
  text,
  onRetry,
  onDismiss,
}: {
  text: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}) {
  const t = useT();
  return (
    <div className="notice notice-error" role="alert">
      <span>{text}</span>
      {onRetry && (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      )}
    </div>
  );
}
