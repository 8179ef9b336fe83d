// The permit-join window: read on open (admin only), kept current by `permit_join` events,
// and counted down locally so the panel shows it closing by itself.
import { useCallback, useEffect, useState } from 'react';
import type { PermitJoinView } from '../../../src-main/shared/devices.js';
import type { HubEvent } from '../../../src-main/shared/events.js';
import type { HubSession } from '../../api/hub-session.js';
import { useNow } from '../../hooks/use-now.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';

export interface PermitJoinState {
  /** Seconds left; 0 when closed. */
  secondsLeft: number;
  open: boolean;
  busy: boolean;
  error: string | null;
  setWindow(seconds: number): void;
}

interface Known {
  view: PermitJoinView;
  /** Date.now() when it was read, for a countdown that does not trust the two clocks agree. */
  readAt: number;
}

export function usePermitJoin(session: HubSession, enabled: boolean): PermitJoinState {
  const t = useT();
  const [known, setKnown] = useState<Known | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const remember = useCallback(
    (view: PermitJoinView) => setKnown({ view, readAt: Date.now() }),
    [],
  );

  useEffect(() => {
    if (!enabled) return;
    let live = true;
    session.api.getPermitJoin({}).then(
      (view) => live && remember(view),
      () => undefined, // The device list shows load errors; joining stays "closed".
    );
    const stop = session.subscribe((event) => {
      if (event.type === 'permit_join') remember((event as HubEvent<'permit_join'>).data);
    });
    return () => {
      live = false;
      stop();
    };
  }, [session, enabled, remember]);

  const openNow = known?.view.open ?? false;
  const now = useNow(500, openNow);
  const secondsLeft =
    known && openNow
      ? Math.max(
          0,
          Math.min(
            known.view.secondsLeft,
            Math.ceil(known.view.secondsLeft - (now - known.readAt) / 1_000),
          ),
        )
      : 0;

  const setWindow = (seconds: number) => {
    setBusy(true);
    setError(null);
    session.api.openPermitJoin({ seconds }).then(
      (view) => {
        remember(view);
        setBusy(false);
      },
      (caught: unknown) => {
        setError(errorText(caught, t));
        setBusy(false);
      },
    );
  };

  return { secondsLeft, open: secondsLeft > 0, busy, error, setWindow };
}
