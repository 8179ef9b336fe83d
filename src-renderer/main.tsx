import './zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadSession, takePairingCode, takeTokenFromFragment } from './auth/token-storage.js';
import type { StartingPoint } from './auth/use-browser-auth.js';
import { LanguageProvider } from './i18n/LanguageProvider.js';
import { ThemeProvider } from './theme/ThemeProvider.js';
import './styles.css';

const bridge = window.hub;
// Read once, before React renders: the fragment is removed from the address bar right here.
const start: StartingPoint = bridge ? { kind: 'ask-tabs' } : startingPoint();

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <ThemeProvider>
        <App bridge={bridge} start={start} />
      </ThemeProvider>
    </LanguageProvider>
  </StrictMode>,
);

/** A `#token=` link wins over a kept session: someone opened it to sign in with that token. */
function startingPoint(): StartingPoint {
  const pairing = takePairingCode();
  if (pairing !== null) return { kind: 'pair', code: pairing === '' ? null : pairing };
  const linked = takeTokenFromFragment();
  if (linked) return { kind: 'link', token: linked };
  const kept = loadSession();
  return kept ? { kind: 'kept', session: kept } : { kind: 'ask-tabs' };
}

// The installed app keeps its shell for when the hub is away. Browsers allow service workers
// only on secure contexts (HTTPS, localhost); over plain HTTP on the LAN the panel works
// without one. The desktop window (file://) needs none.
if (!bridge && window.isSecureContext && 'serviceWorker' in navigator) {
  window.addEventListener('load', () => {
    navigator.serviceWorker.register('./sw.js').catch((error: unknown) => {
      console.warn('the offline shell is not available', error);
    });
  });
}
