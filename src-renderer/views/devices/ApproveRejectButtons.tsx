// Approve and Reject for a device waiting for the owner, named after the device for screen
// readers, saying "Approving…" / "Rejecting…" while the hub answers. Used on its card in
// Devices and in Home's waiting list.
import { useT } from '../../i18n/LanguageProvider.js';

export type Decision = 'approve' | 'reject';

interface ApproveRejectButtonsProps {
  name: string;
  /** The decision on its way, or another command on this device (all buttons wait). */
  busy: Decision | 'other' | null;
  onDecide(decision: Decision): void;
}

export function ApproveRejectButtons({ name, busy, onDecide }: ApproveRejectButtonsProps) {
  const t = useT();
  return (
    <>
      <button
        type="button"
        className="button button-primary button-small"
        disabled={busy !== null}
        aria-label={t('devices.approveLabel', { name })}
        onClick={() => onDecide('approve')}
      >
        {busy === 'approve' ? t('devices.approving') : t('devices.approve')}
      </button>
      <button
        type="button"
        className="button button-quiet button-small"
        disabled={busy !== null}
        aria-label={t('devices.rejectLabel', { name })}
        onClick={() => onDecide('reject')}
      >
        {busy === 'reject' ? t('devices.rejecting') : t('devices.reject')}
      </button>
    </>
  );
}
