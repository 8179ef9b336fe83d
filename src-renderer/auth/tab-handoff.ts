// A sign-in for this visit lives in one tab's sessionStorage, so a new tab would ask for the
// token again. Like a browser's session cookie, it is shared with the browser's other tabs of
// the panel while one of them is open: a new tab asks on a same-origin BroadcastChannel and an
// open tab answers with its session token. Nothing outlives the last tab.
const CHANNEL = 'hearth.session';
const ANSWER_WAIT_MS = 400;

type Message = { kind: 'ask' } | { kind: 'answer'; token: string };

function channel(): BroadcastChannel | null {
  return typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(CHANNEL);
}

/** The session token of another open tab, or null when none answers in time. */
export function askOpenTabs(): Promise<string | null> {
  const line = channel();
  if (!line) return Promise.resolve(null);
  return new Promise((resolve) => {
    const done = (token: string | null) => {
      clearTimeout(timer);
      line.close();
      resolve(token);
    };
    const timer = setTimeout(() => done(null), ANSWER_WAIT_MS);
    line.onmessage = (event: MessageEvent<Message>) => {
      if (event.data?.kind === 'answer' && typeof event.data.token === 'string') {
        done(event.data.token);
      }
    };
    line.postMessage({ kind: 'ask' } satisfies Message);
  });
}

/** While signed in for this visit, answers new tabs; returns the function that stops it. */
export function answerNewTabs(token: string): () => void {
  const line = channel();
  if (!line) return () => {};
  line.onmessage = (event: MessageEvent<Message>) => {
    if (event.data?.kind === 'ask') line.postMessage({ kind: 'answer', token } satisfies Message);
  };
  return () => line.close();
}
