// Chooses the transport: in the Electron window the preload provides window.hub and no token
// is needed; in a browser the user signs in with a token and the panel uses HTTP + SSE.
import { useEffect, useState } from 'react';
import { createDesktopSession } from './api/desktop-session.js';
import { useBrowserAuth } from './auth/use-browser-auth.js';
import { Shell } from './components/Shell.js';
import { SignIn } from './components/SignIn.js';
import type { HubBridge } from './global.js';

interface AppProps {
  bridge: HubBridge | undefined;
  initialToken: string | null;
}

export function App({ bridge, initialToken }: AppProps) {
  return bridge ? <DesktopApp bridge={bridge} /> : <BrowserApp initialToken={initialToken} />;
}

function DesktopApp({ bridge }: { bridge: HubBridge }) {
  const [session] = useState(() => createDesktopSession(bridge));
  useEffect(() => () => session.close(), [session]);
  return <Shell session={session} onSignOut={null} />;
}

function BrowserApp({ initialToken }: { initialToken: string | null }) {
  const { state, signIn, signOut } = useBrowserAuth(initialToken);
  if (state.phase === 'signed-in') {
    return <Shell session={state.session} onSignOut={signOut} />;
  }
  return (
    <SignIn
      checking={state.phase === 'checking'}
      problem={state.phase === 'signed-out' ? state.problem : null}
      detail={state.phase === 'signed-out' ? state.detail : ''}
      onSubmit={signIn}
    />
  );
}
