// "Let devices join": opens joining for 120 s; a countdown shows the window closing by itself,
// and it can be closed early.
import { ErrorNotice } from '../../components/ErrorNotice.js';
import { useT } from '../../i18n/LanguageProvider.js';
import type { PermitJoinState } from './use-permit-join.js';

export const PERMIT_JOIN_SECONDS = 120;

export function PermitJoinControl({ permit }: { permit: PermitJoinState }) {
  const t = useT();
  const minutes = Math.floor(permit.secondsLeft / 60);
  const seconds = String(permit.secondsLeft % 60).padStart(2, '0');
  return (
    <section className="card permit" aria-labelledby="permit-title">
      <div className="permit-row">
        <div>
          <h2 id="permit-title">{t('devices.permit.title')}</h2>
          <p className="muted permit-text" role="status" aria-live="polite">
            {permit.open ? (
              <>
                {t('devices.permit.open')}{' '}
                <strong
                  className="countdown"
                  aria-label={t('devices.permit.seconds', { seconds: permit.secondsLeft })}
                >
                  {minutes}:{seconds}
                </strong>
              </>
            ) : (
              t('devices.permit.closed')
            )}
          </p>
        </div>
        {permit.open ? (
          <button
            type="button"
            className="button button-quiet"
            disabled={permit.busy}
            onClick={() => permit.setWindow(0)}
          >
            {permit.busy ? t('devices.permit.closing') : t('devices.permit.closeButton')}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={permit.busy}
            onClick={() => permit.setWindow(PERMIT_JOIN_SECONDS)}
          >
            {permit.busy ? t('devices.permit.opening') : t('devices.permit.openButton')}
          </button>
        )}
      </div>
      {permit.error && <ErrorNotice text={t('devices.permit.failed', { error: permit.error })} />}
    </section>
  );
}
