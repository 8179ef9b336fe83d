// Chooses the transport: in the Electron window the preload provides window.hub and no token
// is needed; in a browser the user signs in with a token and the panel uses HTTP + SSE.
import { useEffect, useState } from 'react';
import { createDesktopSession } from './api/desktop-session.js';
import { useBrowserAuth, type StartingPoint } from './auth/use-browser-auth.js';
import { CannotReach } from './components/CannotReach.js';
import { Shell } from './components/Shell.js';
import { SignIn } from './components/SignIn.js';
import type { HubBridge } from './global.js';

interface AppProps {
  bridge: HubBridge | undefined;
  start: StartingPoint;
}

export function App({ bridge, start }: AppProps) {
  return bridge ? <DesktopApp bridge={bridge} /> : <BrowserApp start={start} />;
}

function DesktopApp({ bridge }: { bridge: HubBridge }) {
  const [session] = useState(() => createDesktopSession(bridge));
  useEffect(() => () => session.close(), [session]);
  return <Shell session={session} onSignOut={null} />;
}

function BrowserApp({ start }: { start: StartingPoint }) {
  const { state, signIn, pair, signOut, retry } = useBrowserAuth(start);
  if (state.phase === 'signed-in') {
    return <Shell session={state.session} onSignOut={signOut} />;
  }
  if (state.phase === 'unreachable') return <CannotReach onRetry={retry} onSignOut={signOut} />;
  return (
    <SignIn
      checking={state.phase === 'checking'}
      signingOut={state.phase === 'checking' && state.signingOut === true}
      problem={state.phase === 'signed-out' ? state.problem : null}
      error={state.phase === 'signed-out' ? state.error : null}
      initialMode={start.kind === 'pair' ? 'code' : 'token'}
      onSubmit={signIn}
      onPair={pair}
    />
  );
}
