// The answer to "Lock all": how many locks confirmed, and each lock's own result.
import type { DeviceView } from '../../../src-main/shared/devices.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { lockStateText, resultText } from './lock-words.js';
import type { LockAllResult } from './use-lock-commands.js';

interface LockAllSummaryProps {
  result: LockAllResult;
  locks: DeviceView[];
  onDismiss(): void;
}

export function LockAllSummary({ result, locks, onDismiss }: LockAllSummaryProps) {
  const t = useT();
  const nameOf = (id: string) => locks.find((lock) => lock.id === id)?.name ?? id;
  const ok = result.results.filter((entry) => entry.ok).length;
  const total = result.results.length;
  const allOk = ok === total;
  return (
    <section
      className={`card lock-all-result ${allOk ? 'is-ok' : 'is-bad'}`}
      aria-labelledby="lock-all-result-title"
      aria-live="polite"
    >
      <div className="card-head">
        <h2 id="lock-all-result-title">
          {total === 0 ? t('home.lockAll.noLocks') : t('home.lockAll.summary', { ok, total })}
        </h2>
        <button type="button" className="button button-quiet button-small" onClick={onDismiss}>
          {t('common.dismiss')}
        </button>
      </div>
      {total > 0 && (
        <ul className="lock-all-list">
          {result.results.map((entry) => (
            <li key={entry.id} className={entry.ok ? 'is-ok' : 'is-bad'}>
              <span className="truncate" title={nameOf(entry.id)}>
                {nameOf(entry.id)}
              </span>
              <span>
                {entry.ok
                  ? t('home.lockAll.entryOk')
                  : t('home.lockAll.entryFailed', {
                      reason: entry.error
                        ? resultText(entry.error, t)
                        : lockStateText(entry.state, t),
                    })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
