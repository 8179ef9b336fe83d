// "Let devices join": opens joining for 120 s; a countdown shows the window closing by itself,
// and it can be closed early.
import { ErrorNotice } from '../../components/ErrorNotice.js';
import type { PermitJoinState } from './use-permit-join.js';

export const PERMIT_JOIN_SECONDS = 120;

export function PermitJoinControl({ permit }: { permit: PermitJoinState }) {
  const minutes = Math.floor(permit.secondsLeft / 60);
  const seconds = String(permit.secondsLeft % 60).padStart(2, '0');
  return (
    <section className="card permit" aria-labelledby="permit-title">
      <div className="permit-row">
        <div>
          <h2 id="permit-title">Joining</h2>
          <p className="muted permit-text" role="status" aria-live="polite">
            {permit.open ? (
              <>
                Open: devices that hand_shake now are approved at once. Closes in{' '}
                <strong className="countdown" aria-label={`${permit.secondsLeft} seconds`}>
                  {minutes}:{seconds}
                </strong>
                .
              </>
            ) : (
              'Closed: a device that hand_shakes waits below as pending until you approve it.'
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
            {permit.busy ? 'Closing…' : 'Close now'}
          </button>
        ) : (
          <button
            type="button"
            className="button button-primary"
            disabled={permit.busy}
            onClick={() => permit.setWindow(PERMIT_JOIN_SECONDS)}
          >
            {permit.busy ? 'Opening…' : 'Let devices join'}
          </button>
        )}
      </div>
      {permit.error && <ErrorNotice text={`Joining did not change: ${permit.error}`} />}
    </section>
  );
}
