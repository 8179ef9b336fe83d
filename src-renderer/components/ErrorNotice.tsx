// A failed load or action: what went wrong, and a button to try again when that can help.
export function ErrorNotice({
  text,
  onRetry,
  onDismiss,
}: {
  text: string;
  onRetry?: () => void;
  onDismiss?: () => void;
}) {
  return (
    <div className="notice notice-error" role="alert">
      <span>{text}</span>
      {onRetry && (
        <button type="button" className="button button-quiet" onClick={onRetry}>
          Try again
        </button>
      )}
      {onDismiss && (
        <button type="button" className="button button-quiet" onClick={onDismiss}>
          Dismiss
        </button>
      )}
    </div>
  );
}
