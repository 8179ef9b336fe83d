// "Load action file…": a file input (in the desktop window the same input opens the system
// file dialog) read as base64 and sent with uploadActionFile.
import { useRef, useState } from 'react';
import type { HubSession } from '../../api/hub-session.js';
import { errorText } from '../error-text.js';

const MAX_BYTES = 256 * 1024;
const NAME_PATTERN = /^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}\.(mjs|js)$/;

interface LoadActionFileProps {
  session: HubSession;
  onLoaded(file: string): void;
}

export function LoadActionFile({ session, onLoaded }: LoadActionFileProps) {
  const input = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);

  const upload = async (file: File) => {
    const problem = checkFile(file);
    if (problem) {
      setMessage({ ok: false, text: problem });
      return;
    }
    setBusy(true);
    setMessage(null);
    try {
      const contentBase64 = toBase64(new Uint8Array(await file.arrayBuffer()));
      const result = await session.api.uploadActionFile({ file: file.name, contentBase64 });
      setMessage({ ok: true, text: `Loaded ${result.file}.` });
      onLoaded(result.file);
    } catch (error) {
      setMessage({ ok: false, text: `${file.name} was not loaded: ${errorText(error)}` });
    } finally {
      setBusy(false);
      if (input.current) input.current.value = '';
    }
  };

  return (
    <div className="file-load">
      <label className={busy ? 'button button-primary is-busy' : 'button button-primary'}>
        {busy ? 'Loading…' : 'Load action file…'}
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

function checkFile(file: File): string | null {
  if (!NAME_PATTERN.test(file.name)) {
    return `${file.name} cannot be an action file: the name must be 1–64 of A–Z a–z 0–9 . _ - and end in .mjs or .js. Rename it and try again.`;
  }
  if (file.size > MAX_BYTES) {
    return `${file.name} is ${Math.ceil(file.size / 1024)} KiB; an action file is at most 256 KiB. Split it into smaller files.`;
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
