// "Load action file…": a file input (in the desktop window the same input opens the system
// file dialog) read as base64 and sent with uploadActionFile.
import { useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { useLanguage, useT } from '../../i18n/LanguageProvider.js';
import type { Translate } from '../../i18n/translate.js';
import { errorText } from '../error-text.js';
import { fileProblemText } from './action-format.js';

const MAX_BYTES = 256 * 1024;
const NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(mjs|js)$/;

export type LoadMessage = { ok: boolean; text: string } | null;

interface LoadActionFileProps {
  session: HubSession;
  onLoaded(file: string): void;
  /** Kept by the card: the first file swaps the empty state for the list, remounting this. */
  message: LoadMessage;
  setMessage(message: LoadMessage): void;
}

export function LoadActionFile({ session, onLoaded, message, setMessage }: LoadActionFileProps) {
  const t = useT();
  const { language } = useLanguage();
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);

  const upload = async (file: File) => {
    const problem = checkFile(file, t);
    if (problem) {
      setMessage({ ok: false, text: problem });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await session.api.uploadActionFile({ file: file.name, contentBase64 });
      // Saved is not loaded: a file with an error is said to be broken, with where.
      setMessage(
        result.status === 'loaded'
          ? {
              ok: true,
              text: t('actions.load.done', {
                file: result.file,
                actions: result.actions.join(', ') || '–',
              }),
            }
          : {
              ok: false,
              text: t('actions.load.invalid', {
                problem: fileProblemText(result, { t, language }),
              }),
            },
      );
      onLoaded(result.file);
    } catch (error) {
      setMessage({
        ok: false,
        text: t('actions.load.failed', { file: file.name, error: errorText(error, t) }),
      });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="file-load">
      <label className={busy ? 'button button-primary is-busy' : 'button button-primary'}>
        {busy ? t('actions.load.busy') : t('actions.load.button')}
        <input
          ref={input}
          type="file"
          className="visually-hidden"
          accept=".mjs,.js,text/javascript"
          disabled={busy}
          onChange={(event) => {
            const file = event.target.files?.[0];
            if (file) void upload(file);
          }}
        />
      </label>
      <div aria-live="polite">
        {message && (
          <p
            className={message.ok ? 'file-load-ok' : 'file-load-bad'}
            role={message.ok ? 'status' : 'alert'}
          >
            {message.text}
          </p>
        )}
      </div>
    </div>
  );
}

function checkFile(file: File, t: Translate): string | null {
  if (!NAME_PATTERN.test(file.name)) return t('actions.load.badName', { file: file.name });
  if (file.size > MAX_BYTES) {
    return t('actions.load.tooBig', { file: file.name, size: Math.ceil(file.size / 1024) });
  }
  return null;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  const chunk = 0x8000;
  for (let i = 0; i < bytes.length; i += chunk) {
    binary += String.fromCharCode(...bytes.subarray(i, i + chunk));
  }
  return btoa(binary);
}
