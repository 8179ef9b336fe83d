// Runs one action with optional words after its name, as if they had arrived on hearth/action,
// and shows its reply (or why it failed).
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { splitArgs } from './action-format.js';

interface RunActionFormProps {
  session: HubSession;
  name: string;
  onClose(): void;
  /** After a run, so the figures refresh. */
  onRan(): void;
}

type Outcome = { kind: 'reply'; text: string | null } | { kind: 'error'; text: string };

export function RunActionForm({ session, name, onClose, onRan }: RunActionFormProps) {
  const t = useT();
  const [args, setArgs] = useState('');
  const [running, setRunning] = useState(false);
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const input = useRef<HTMLInputElement>(null);

  useEffect(() => input.current?.focus(), [name]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setRunning(true);
    setOutcome(null);
    session.api.runAction({ name, args: splitArgs(args) }).then(
      (result) => {
        setOutcome({ kind: 'reply', text: result.reply });
        setRunning(false);
        onRan();
      },
      (error: unknown) => {
        setOutcome({ kind: 'error', text: errorText(error, t) });
        setRunning(false);
        onRan();
      },
    );
  };

  return (
    <section className="card run-card" aria-labelledby="run-title">
      <h2 id="run-title">
        {t('actions.run')} <code>{name}</code>
      </h2>
      <form className="inline-form" onSubmit={submit}>
        <label htmlFor="run-args">{t('actions.args')}</label>
        <div className="inline-form-row">
          <input
            id="run-args"
            ref={input}
            className="input"
            value={args}
            placeholder={t('actions.argsPlaceholder')}
            autoComplete="off"
            onChange={(event) => setArgs(event.target.value)}
          />
          <button type="submit" className="button button-primary" disabled={running}>
            {running ? t('actions.running') : t('actions.run')}
          </button>
          <button type="button" className="button button-quiet" onClick={onClose}>
            {t('common.close')}
          </button>
        </div>
      </form>
      <div aria-live="polite">
        {outcome?.kind === 'reply' && (
          <div className="reply" role="status">
            <span className="reply-label">{t('actions.reply')}</span>
            {outcome.text === null ? (
              <span className="muted">{t('actions.noReply')}</span>
            ) : (
              <pre className="reply-text">{outcome.text}</pre>
            )}
          </div>
        )}
        {outcome?.kind === 'error' && (
          <div className="notice notice-error" role="alert">
            {outcome.text}
          </div>
        )}
      </div>
    </section>
  );
}
