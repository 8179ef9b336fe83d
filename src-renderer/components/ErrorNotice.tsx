// A failed load or action: what went wrong, and a button to try again when that can help. A
// failure for want of the hub ("could not reach the hub") is over once the hub is back, so that
// notice goes away by itself on reconnection instead of staying up under a green indicator.
import { useState } from 'react';
import { useT } from '../i18n/LanguageProvider.js';
import { useReconnections } from './connection-context.js';

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
  const reconnections = useReconnections();
  // Which text is shown since which reconnection: a new text starts afresh.
  const [shown, setShown] = useState({ text, since: reconnections });
  if (shown.text !== text) setShown({ text, since: reconnections });
  const aboutReaching = text.includes(t('common.error.network'));
  if (aboutReaching && reconnections > shown.since) return null;
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
