// Runs the built simulator (`node dist/main/simulate.js …`, as `npm run simulate` does) as a
// child process and lets a test wait for what it prints.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { cleanEnv } from '../helpers/hub-process.js';

export const SIMULATE_ENTRY = resolve('dist/main/simulate.js');

export interface SimulatorProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves when stdout (or stderr) matches `pattern`. */
  waitForOutput(pattern: RegExp, timeoutMs?: number): Promise<void>;
  /** Writes a line to its stdin (Enter, for the camera). */
  pressEnter(): void;
  /** Sends a signal and resolves with the exit code. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  exited: Promise<number | null>;
}

export function startSimulator(args: string[]): SimulatorProcess {
  if (!existsSync(SIMULATE_ENTRY)) {
    throw new Error(`${SIMULATE_ENTRY} is missing: build first (npx tsc -b tsconfig.main.json)`);
  }
  const child = spawn(process.execPath, [SIMULATE_ENTRY, ...args], {
    env: cleanEnv(),
    stdio: ['pipe', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  const changed = (): void => listeners.forEach((listener) => listener());
  child.stdout!.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    changed();
  });
  child.stderr!.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
    changed();
  });
  const exited = new Promise<number | null>((done) => child.on('exit', (code) => done(code)));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitForOutput(pattern, timeoutMs = 15_000) {
      return new Promise((done, fail) => {
        const check = (): boolean => {
          if (!pattern.test(stdout) && !pattern.test(stderr)) return false;
          clearTimeout(timer);
          listeners.delete(check);
          done();
          return true;
        };
        const timer = setTimeout(() => {
          listeners.delete(check);
          fail(
            new Error(`no ${pattern} in ${timeoutMs} ms\nstdout:\n${stdout}\nstderr:\n${stderr}`),
          );
        }, timeoutMs);
        if (!check()) listeners.add(check);
      });
    },
    pressEnter() {
      child.stdin!.write('\n');
    },
    async stop(signal: NodeJS.Signals = 'SIGINT') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      return exited;
    },
  };
}
