// Real Chromium for end-to-end tests (Debian's build, driven by playwright-core), plus a
// console watcher: a test fails on any console error or uncaught page error unless that step
// declared the error it expects (e.g. the 401 of a wrong token).
import { existsSync } from 'node:fs';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

// No background networking: the test machines have no internet, and the panel needs none.
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

function executable(): string {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH} (Debian: apt-get install chromium)`);
  }
  return CHROMIUM_PATH;
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: executable(), args: ARGS });
}

/**
 * Chromium with a profile folder that outlives it, as a person's browser does: closing and
 * launching again with the same folder is a browser restart (its storage kept on disk).
 */
export function launchChromiumProfile(profileDir: string): Promise<BrowserContext> {
  return chromium.launchPersistentContext(profileDir, {
    executablePath: executable(),
    args: ARGS,
    viewport: { width: 1280, height: 800 },
  });
}

export interface ConsoleProblem {
  text: string;
  url: string;
}

export class ConsoleWatcher {
  private readonly unexpected: ConsoleProblem[] = [];
  private readonly allowed: RegExp[] = [];

  constructor(page: Page) {
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      this.record({ text: message.text(), url: message.location().url });
    });
    page.on('pageerror', (error) =>
      this.record({ text: `uncaught: ${error.stack ?? error}`, url: '' }),
    );
  }

  /** Runs `step` with console errors matching `pattern` tolerated; they are expected there. */
  async expecting<T>(pattern: RegExp, step: () => Promise<T>): Promise<T> {
    this.allowed.push(pattern);
    try {
      return await step();
    } finally {
      this.allowed.splice(this.allowed.indexOf(pattern), 1);
    }
  }

  problems(): ConsoleProblem[] {
    return [...this.unexpected];
  }

  private record(problem: ConsoleProblem): void {
    const line = `${problem.text} ${problem.url}`;
    if (!this.allowed.some((pattern) => pattern.test(line))) this.unexpected.push(problem);
  }
}
