// Renaming something in place (a device, a phone's token): the hub's rule (1–64 characters) is
// checked before sending, and the hub's own answer is shown if it still refuses. Escape cancels.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useT } from '../i18n/LanguageProvider.js';
import { errorText } from '../views/error-text.js';

interface NameFormProps {
  /** Unique on the page: the field's id is made from it. */
  id: string;
  name: string;
  save(name: string): Promise<unknown>;
  onClose(): void;
}

export function nameProblem(name: string): 'empty' | 'long' | null {
  const trimmed = name.trim();
  if (trimmed === '') return 'empty';
  if (trimmed.length > 64) return 'long';
  return null;
}

export function NameForm({ id, name: current, save, onClose }: NameFormProps) {
  const t = useT();
  const [name, setName] = useState(current);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = `rename-${id}`;
  const problemId = `${inputId}-problem`;

  useEffect(() => {
    input.current?.focus();
    input.current?.select();
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const local = nameProblem(name);
    if (local) {
      setProblem(t(local === 'empty' ? 'devices.nameEmpty' : 'devices.nameTooLong'));
      return;
    }
    setBusy(true);
    setProblem(null);
    save(name.trim()).then(
      () => {
        setBusy(false);
        onClose();
      },
      (caught: unknown) => {
        setBusy(false);
        setProblem(t('devices.renameFailed', { error: errorText(caught, t) }));
      },
    );
  };

  return (
    <form
      className="device-rename"
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onClose();
      }}
    >
      <label htmlFor={inputId} className="visually-hidden">
        {t('devices.newName', { name: current })}
      </label>
      <input
        id={inputId}
        ref={input}
        className="input"
        value={name}
        maxLength={80}
        autoComplete="off"
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? problemId : undefined}
        onChange={(event) => {
          setName(event.target.value);
          setProblem(null);
        }}
      />
      <button type="submit" className="button button-primary button-small" disabled={busy}>
        {busy ? t('devices.saving') : t('devices.save')}
      </button>
      <button type="button" className="button button-quiet button-small" onClick={onClose}>
        {t('common.cancel')}
      </button>
      {problem && (
        <p id={problemId} className="device-rename-problem" role="alert">
          {problem}
        </p>
      )}
    </form>
  );
}
