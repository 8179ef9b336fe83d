import './zod-jitless.js';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App.js';
import { loadToken, takeTokenFromFragment } from './auth/token-storage.js';
import { LanguageProvider } from './i18n/LanguageProvider.js';
import { ThemeProvider } from './theme/ThemeProvider.js';
import './styles.css';

const bridge = window.hub;
// Read once, before React renders: the fragment is removed from the address bar right here.
const initialToken = bridge ? null : (takeTokenFromFragment() ?? loadToken());

const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <LanguageProvider>
      <ThemeProvider>
        <App bridge={bridge} initialToken={initialToken} />
      </ThemeProvider>
    </LanguageProvider>
  </StrictMode>,
);
