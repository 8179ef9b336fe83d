// Sends lock commands and remembers which are on their way, so a switch shows `locking…` the
// moment it is pressed; the hub answers when the lock confirms (or jams, or stays silent).
import { useCallback, useRef, useState } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { OperationOutput } from '../../../src-main/shared/hub-api.js';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import type { LockCommand } from './lock-state.js';

export type LockAllResult = OperationOutput<'lockAll'>;

export interface LockCommands {
  inFlight: Readonly<Record<string, LockCommand>>;
  error: string | null;
  dismissError(): void;
  run(lock: DeviceView, command: LockCommand): void;
  lockAllBusy: boolean;
  lockAllResult: LockAllResult | null;
  dismissLockAll(): void;
  lockAll(locks: DeviceView[]): void;
}

export function useLockCommands(session: HubSession): LockCommands {
  const t = useT();
  const [inFlight, setInFlight] = useState<Record<string, LockCommand>>({});
  const [error, setError] = useState<string | null>(null);
  const [lockAllBusy, setLockAllBusy] = useState(false);
  const [lockAllResult, setLockAllResult] = useState<LockAllResult | null>(null);
  // A newer command for the same lock supersedes the older: only the newest may clear it.
  const generation = useRef(new Map<string, number>());

  const start = (ids: string[], command: LockCommand): Map<string, number> => {
    const mine = new Map<string, number>();
    for (const id of ids) {
      const next = (generation.current.get(id) ?? 0) + 1;
      generation.current.set(id, next);
      mine.set(id, next);
    }
    setInFlight((current) => {
      const next = { ...current };
      for (const id of ids) next[id] = command;
      return next;
    });
    return mine;
  };
  const finish = (mine: Map<string, number>) => {
    setInFlight((current) => {
      const next = { ...current };
      for (const [id, gen] of mine) if (generation.current.get(id) === gen) delete next[id];
      return next;
    });
  };

  const run = useCallback(
    (lock: DeviceView, command: LockCommand) => {
      setError(null);
      const mine = start([lock.id], command);
      const call =
        command === 'lock'
          ? session.api.lockDevice({ id: lock.id })
          : session.api.unlockDevice({ id: lock.id });
      call.then(
        () => finish(mine),
        (caught: unknown) => {
          finish(mine);
          const key = command === 'lock' ? 'home.lock.lockFailed' : 'home.lock.unlockFailed';
          setError(t(key, { name: lock.name, reason: errorText(caught, t) }));
        },
      );
    },
    [session, t],
  );

  const lockAll = useCallback(
    (locks: DeviceView[]) => {
      setError(null);
      setLockAllResult(null);
      setLockAllBusy(true);
      const mine = start(
        locks.filter((lock) => lock.availability === 'online').map((lock) => lock.id),
        'lock',
      );
      session.api.lockAll({}).then(
        (result) => {
          finish(mine);
          setLockAllBusy(false);
          setLockAllResult(result);
        },
        (caught: unknown) => {
          finish(mine);
          setLockAllBusy(false);
          setError(t('home.lockAll.failed', { reason: errorText(caught, t) }));
        },
      );
    },
    [session, t],
  );

  return {
    inFlight,
    error,
    dismissError: () => setError(null),
    run,
    lockAllBusy,
    lockAllResult,
    dismissLockAll: () => setLockAllResult(null),
    lockAll,
  };
}
