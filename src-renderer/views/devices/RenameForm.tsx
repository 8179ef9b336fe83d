// Renaming a device in place: the hub's rule (1–64 characters) is checked before sending, and
// the hub's own answer is shown if it still refuses. Escape cancels.
import { useEffect, useRef, useState, type FormEvent } from 'react';
import type { DeviceView } from '../../../src-main/shared/devices.js';
import type { HubSession } from '../../api/hub-session.js';
import { useT } from '../../i18n/LanguageProvider.js';
import { errorText } from '../error-text.js';
import { nameProblem } from './device-format.js';

interface RenameFormProps {
  session: HubSession;
  device: DeviceView;
  onRenamed(device: DeviceView): void;
  onClose(): void;
}

export function RenameForm({ session, device, onRenamed, onClose }: RenameFormProps) {
  const t = useT();
  const [name, setName] = useState(device.name);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const input = useRef<HTMLInputElement>(null);
  const inputId = `rename-${device.id}`;
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
    session.api.updateDevice({ id: device.id, name: name.trim() }).then(
      (updated) => {
        setBusy(false);
        onRenamed(updated);
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
        {t('devices.newName', { name: device.name })}
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
