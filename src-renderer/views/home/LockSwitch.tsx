// One lock as a large switch: its true state in words and colour, battery, when it last changed
// and the last command with who sent it. The switch's accessible name carries the lock's name
// and state; the name is device-supplied, so it is shown as text, truncated, full in a title.
import { useId } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import { formatAgo, formatDateTime } from '../format.js';
import type { AuditEntry } from './use-lock-audit.js';
import { commandText, entryWhoText, resultText } from './lock-words.js';
import {
  isLowBattery,
  nextCommand,
  stateLabel,
  type LockCommand,
  type ShownLockState,
} from './lock-state.js';

interface LockSwitchProps {
  lock: DeviceView;
  state: ShownLockState;
  busy: boolean;
  lastCommand: AuditEntry | undefined;
  now: number;
  onCommand(command: LockCommand): void;
}

export function LockSwitch({ lock, state, busy, lastCommand, now, onCommand }: LockSwitchProps) {
  const t = useT();
  const { language } = useLanguage();
  const hintId = useId();
  const stateText = t(stateLabel[state]);
  const command = nextCommand(state);
  const disabled = busy || state === 'offline';
  const low = isLowBattery(lock);
  return (
    <li className={`lock lock-${state}`} data-lock-id={lock.id}>
      <div className="lock-head">
        <h3 className="lock-name truncate" title={lock.name}>
          {lock.name}
        </h3>
        <span
          className={`lock-battery${low ? ' is-low' : ''}`}
          title={t('home.lock.battery')}
          data-testid="battery"
        >
          {lock.battery === null
            ? t('home.lock.batteryUnknown')
            : t('home.lock.batteryLevel', { percent: lock.battery })}
        </span>
      </div>
      <button
        type="button"
        role="switch"
        className="lock-switch"
        aria-checked={state === 'locked'}
        aria-label={t('home.lock.switchLabel', { name: lock.name, state: stateText })}
        aria-describedby={hintId}
        aria-busy={busy || state === 'locking' || state === 'unlocking'}
        disabled={disabled}
        onClick={() => onCommand(command)}
      >
        <span className="lock-track" aria-hidden="true">
          <span className="lock-thumb" />
        </span>
        <span className="lock-state" data-testid="lock-state">
          {stateText}
        </span>
      </button>
      <p id={hintId} className="lock-hint">
        {state === 'offline'
          ? t('home.lock.offlineHint')
          : busy
            ? t('home.lock.waitingHint')
            : t(command === 'lock' ? 'home.lock.pressToLock' : 'home.lock.pressToUnlock')}
      </p>
      <dl className="lock-facts">
        <div>
          <dt>{t('home.lock.changed')}</dt>
          <dd>{formatAgo(lock.stateAt, now, t)}</dd>
        </div>
        <div>
          <dt>{t('home.lock.lastCommand')}</dt>
          <dd
            className="truncate"
            title={lastCommand ? formatDateTime(lastCommand.at, language) : undefined}
          >
            {lastCommand
              ? t('home.lock.lastCommandText', {
                  command: commandText(lastCommand.command, t),
                  actor: entryWhoText(lastCommand.by, lastCommand.actor, t),
                  ago: formatAgo(lastCommand.at, now, t),
                })
              : t('home.lock.noCommand')}
            {lastCommand && lastCommand.result !== 'ok' && (
              <span className="lock-result-bad"> · {resultText(lastCommand.result, t)}</span>
            )}
          </dd>
        </div>
      </dl>
    </li>
  );
}
