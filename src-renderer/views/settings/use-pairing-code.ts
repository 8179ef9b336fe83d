// A pairing code's life: made on request (admin), counted down locally to its expiry (2 min),
// then expired. The countdown trusts the hub's expiry only as far as the two clocks agree:
// the lifetime is measured from when the answer arrived.
import { useState } from 'react';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useNow } from '../../hooks/use-now.js';
import type { Translate } from '../../i18n/translate.js';
import { errorText } from '../error-text.js';

export type PairingCode = OperationOutput<'createPairingCode'>;

/** The contract's lifetime of a pairing code, the longest countdown shown. */
export const PAIRING_SECONDS = 120;

interface Live {
  code: PairingCode;
  /** Date.now() when the code arrived. */
  receivedAt: number;
  lifetimeSeconds: number;
}

export interface PairingState {
  code: PairingCode | null;
  secondsLeft: number;
  expired: boolean;
  busy: boolean;
  error: string | null;
  make(): void;
  /** Forgets the code (it was used). */
  clear(): void;
}

export function usePairingCode(session: HubSession, t: Translate): PairingState {
  const [live, setLive] = useState<Live | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const now = useNow(500, live !== null);

  // `now` may predate the code (it is only refreshed while a code is live), so never count
  // time before the code arrived.
  const elapsedSeconds = live ? Math.max(0, now - live.receivedAt) / 1_000 : 0;
  const secondsLeft = live ? Math.max(0, Math.ceil(live.lifetimeSeconds - elapsedSeconds)) : 0;

  const make = () => {
    setBusy(true);
    setError(null);
    session.api.createPairingCode({}).then(
      (code) => {
        const receivedAt = Date.now();
        setLive({ code, receivedAt, lifetimeSeconds: lifetimeOf(code, receivedAt) });
        setBusy(false);
      },
      (caught: unknown) => {
        setError(errorText(caught, t));
        setBusy(false);
      },
    );
  };

  return {
    code: live?.code ?? null,
    secondsLeft,
    expired: live !== null && secondsLeft === 0,
    busy,
    error,
    make,
    clear: () => setLive(null),
  };
}

function lifetimeOf(code: PairingCode, receivedAt: number): number {
  const left = (Date.parse(code.expiresAt) - receivedAt) / 1_000;
  // A hub clock far from ours gives nonsense; then the contract's 2 minutes is the best guess.
  return Number.isFinite(left) && left > 0 && left <= PAIRING_SECONDS ? left : PAIRING_SECONDS;
}
